package castad.gateway.stage;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

public class StageAlreadyRunning extends ErrorResponseException {

    public StageAlreadyRunning(String stage, String taskId) {
        super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "A " + stage + " for task '" + taskId + "' is already pending or processing"), null);
        getBody().setTitle("Stage already running");
    }
}
