package castad.simulators.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A chat completion exactly as the real API documents it. */
record ChatCompletion(String id, String object, long created, String model, List<Choice> choices, Usage usage) {

    record Choice(int index, Message message, @JsonProperty("finish_reason") String finishReason) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Message(String role, String content, String refusal) {

        Message(String role, String content) {
            this(role, content, null);
        }
    }

    record Usage(@JsonProperty("prompt_tokens") long promptTokens,
                 @JsonProperty("completion_tokens") long completionTokens,
                 @JsonProperty("total_tokens") long totalTokens) {

        static Usage of(long promptTokens, long completionTokens) {
            return new Usage(promptTokens, completionTokens, promptTokens + completionTokens);
        }
    }
}
