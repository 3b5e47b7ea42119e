package castad.gateway.image;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class TooManyImages extends ErrorResponseException {

    TooManyImages(int existing, int added, int limit) {
        super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The project has " + existing + " images; adding " + added + " would pass the limit of " + limit),
                null);
        getBody().setTitle("Too many images");
    }
}
