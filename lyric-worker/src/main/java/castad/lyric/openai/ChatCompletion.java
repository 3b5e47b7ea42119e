package castad.lyric.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The wire shapes of {@code POST /v1/chat/completions} that we use. */
final class ChatCompletion {

    private ChatCompletion() {
    }

    record Request(String model, List<ChatMessage> messages, String user) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Response(String id, List<Choice> choices) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Choice(int index, ChatMessage message, @JsonProperty("finish_reason") String finishReason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorBody(Error error) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(String message, String type, String code) {
    }
}
