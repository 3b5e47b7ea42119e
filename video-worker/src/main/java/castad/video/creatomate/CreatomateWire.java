package castad.video.creatomate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Creatomate's wire shapes (snake_case). */
public final class CreatomateWire {

    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private CreatomateWire() {
    }

    record RenderRequest(@JsonProperty("template_id") String templateId, Map<String, String> modifications,
                         @JsonProperty("output_format") String outputFormat,
                         @JsonProperty("webhook_url") String webhookUrl, String metadata) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Render(String id, String status, String url, BigDecimal duration,
                  @JsonProperty("error_message") String errorMessage, String metadata) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TemplateBody(String id, String name, Source source) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Source(List<SourceElement> elements) {
    }

    /** An element; a composition holds elements of its own, at any depth. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SourceElement(String name, String type, List<SourceElement> elements) {

        Stream<SourceElement> withNested() {
            return Stream.concat(Stream.of(this), elements == null
                    ? Stream.empty() : elements.stream().flatMap(SourceElement::withNested));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorBody(String hint) {
    }

    /** A webhook body (the render object) as the provider posted it. */
    public static RenderProgress progressOf(String body) {
        try {
            return RenderProgress.of(JSON.readValue(body, Render.class));
        } catch (java.io.IOException unreadable) {
            return RenderProgress.of(null); // polling still finds out
        }
    }
}
