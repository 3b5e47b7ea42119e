package castad.gateway.pipeline;

import jakarta.validation.constraints.Size;

/** Everything a pipeline's stages may be told; all optional. */
public record PipelineOptions(@Size(max = 2000) String prompt, @Size(max = 200) String style,
                              @Size(max = 80) String title, @Size(max = 100) String templateId) {

    static final PipelineOptions NONE = new PipelineOptions(null, null, null, null);
}
