package castad.simulators.creatomate;

import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the Creatomate API in its {@code {"hint":"..."}} shape. */
@RestControllerAdvice(assignableTypes = {RendersController.class, TemplatesController.class})
class CreatomateErrorAnswers {

    @ExceptionHandler(CreatomateRejection.class)
    ResponseEntity<CreatomateHint> rejected(CreatomateRejection rejection) {
        return ResponseEntity.status(rejection.status).body(new CreatomateHint(rejection.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<CreatomateHint> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(new CreatomateHint("The request body is not valid JSON."));
    }
}
