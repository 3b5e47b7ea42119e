package castad.gateway.lyric;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class StageAlreadyRunning extends ErrorResponseException {

    StageAlreadyRunning(String stage, String taskId) {
        super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "A " + stage + " for task '" + taskId + "' is already pending or processing"), null);
        getBody().setTitle("Stage already running");
    }
}
