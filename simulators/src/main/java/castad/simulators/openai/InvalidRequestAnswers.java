package castad.simulators.openai;

import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** 400s of the chat endpoint in OpenAI's error shape. */
@RestControllerAdvice(assignableTypes = ChatCompletionsController.class)
class InvalidRequestAnswers {

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<OpenAiError> missingParameter(MethodArgumentNotValidException e) {
        var param = e.getFieldErrors().stream().findFirst().map(FieldError::getField).orElse(null);
        return ResponseEntity.badRequest().header("x-request-id", OpenAiIds.request()).body(OpenAiError.of(
                "Missing required parameter: '" + param + "'.", "invalid_request_error", param,
                "missing_required_parameter"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<OpenAiError> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().header("x-request-id", OpenAiIds.request()).body(OpenAiError.of(
                "We could not parse the JSON body of your request. The OpenAI API expects a JSON payload.",
                "invalid_request_error", null, null));
    }
}
