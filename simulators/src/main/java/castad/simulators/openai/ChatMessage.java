package castad.simulators.openai;

import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;

/** A prompt message; {@code content} is a string or an array of content parts, as in the real API. */
record ChatMessage(@NotBlank String role, JsonNode content) {

    String text() {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isArray()) {
            return StreamSupport.stream(content.spliterator(), false)
                    .map(part -> part.path("text").asText(""))
                    .collect(Collectors.joining("\n"));
        }
        return content.asText();
    }
}
