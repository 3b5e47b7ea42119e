package castad.gateway.stage;

import castad.gateway.web.PlainText;
import jakarta.validation.constraints.Size;

/** @param templateId a Creatomate template (default: castad's own) */
public record VideoOptions(@Size(max = 100) @PlainText String templateId) {

    static final VideoOptions NONE = new VideoOptions(null);
}
