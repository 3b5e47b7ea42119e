package castad.simulators.creatomate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** The body of POST /v1/renders as castad sends it: one template, its modifications, a webhook. */
record RenderRequest(@JsonProperty("template_id") String templateId,
                     JsonNode modifications,
                     @JsonProperty("output_format") String outputFormat,
                     @JsonProperty("webhook_url") String webhookUrl,
                     String metadata) {
}
