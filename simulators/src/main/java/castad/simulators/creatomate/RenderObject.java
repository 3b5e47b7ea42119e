package castad.simulators.creatomate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A render as POST /v1/renders, GET /v1/renders/{id} and the webhook show it. {@code error_message}
 * appears only when failed; {@code duration} and {@code file_size} are null until succeeded.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record RenderObject(
        String id,
        RenderStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("error_message") String errorMessage,
        String url,
        @JsonProperty("snapshot_url") String snapshotUrl,
        @JsonProperty("template_id") String templateId,
        @JsonProperty("output_format") String outputFormat,
        int width,
        int height,
        @JsonProperty("frame_rate") int frameRate,
        Double duration,
        @JsonProperty("file_size") Long fileSize,
        JsonNode modifications,
        @JsonProperty("webhook_url") String webhookUrl,
        String metadata) {
}
