package castad.gateway.image;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class UnsupportedImage extends ErrorResponseException {

    UnsupportedImage(String detail) {
        super(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail), null);
        getBody().setTitle("Unsupported image");
    }
}
