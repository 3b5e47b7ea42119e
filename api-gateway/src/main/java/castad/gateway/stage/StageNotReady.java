package castad.gateway.stage;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A stage was asked for before what it is made from exists (lyrics before a song, a song before a video). */
public class StageNotReady extends ErrorResponseException {

    public StageNotReady(String detail) {
        super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail), null);
        getBody().setTitle("Input not ready");
    }
}
