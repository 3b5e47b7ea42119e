package castad.lyric.openai;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A chat message; an answer's {@code refusal} is set (and its content empty) when the model declined. */
public record ChatMessage(String role, String content, @JsonInclude(JsonInclude.Include.NON_NULL) String refusal) {

    public ChatMessage(String role, String content) {
        this(role, content, null);
    }
}
