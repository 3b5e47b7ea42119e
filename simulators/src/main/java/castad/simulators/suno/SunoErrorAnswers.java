package castad.simulators.suno;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Request errors of the Suno API: HTTP status equal to the body code, or 200 when configured so. */
@RestControllerAdvice(assignableTypes = GenerateController.class)
class SunoErrorAnswers {

    private final boolean statusMirrorsCode;

    SunoErrorAnswers(SunoSettings settings) {
        this.statusMirrorsCode = settings.httpStatusMirrorsCode();
    }

    @ExceptionHandler(SunoRejection.class)
    ResponseEntity<SunoError> rejected(SunoRejection rejection) {
        return ResponseEntity.status(statusMirrorsCode ? rejection.code : 200).body(rejection.body());
    }
}
