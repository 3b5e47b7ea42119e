package castad.gateway.stage;

import jakarta.validation.constraints.Size;

/** @param templateId a Creatomate template (default: castad's own) */
public record VideoOptions(@Size(max = 100) String templateId) {

    static final VideoOptions NONE = new VideoOptions(null);
}
