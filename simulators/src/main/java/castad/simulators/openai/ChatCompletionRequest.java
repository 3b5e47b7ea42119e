package castad.simulators.openai;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

/** The part of an OpenAI chat completion request the simulator reads; other fields are ignored. */
record ChatCompletionRequest(@NotBlank String model, @NotEmpty List<@Valid ChatMessage> messages, String user) {

    List<String> texts() {
        return messages.stream().map(ChatMessage::text).toList();
    }
}
