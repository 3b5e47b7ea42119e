package castad.simulators.openai;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The OpenAI error body: {@code {"error":{"message","type","param","code"}}}, nulls included. */
record OpenAiError(Detail error) {

    static OpenAiError of(String message, String type, String param, String code) {
        return new OpenAiError(new Detail(message, type, param, code));
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Detail(String message, String type, String param, String code) {
    }
}
