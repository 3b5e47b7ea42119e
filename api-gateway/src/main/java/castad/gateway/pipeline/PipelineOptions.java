package castad.gateway.pipeline;

import castad.gateway.web.PlainText;
import jakarta.validation.constraints.Size;

/** Everything a pipeline's stages may be told; all optional. */
public record PipelineOptions(@Size(max = 2000) @PlainText(multiline = true) String prompt,
                              @Size(max = 200) @PlainText String style, @Size(max = 80) @PlainText String title,
                              @Size(max = 100) @PlainText String templateId) {

    static final PipelineOptions NONE = new PipelineOptions(null, null, null, null);
}
