package castad.gateway.quota;

import java.io.IOException;

/** A read past a body's cap ({@link BodyLimits}); {@code ProblemResponses} answers it with a 413. */
public final class BodyTooLarge extends IOException {

    BodyTooLarge(long cap) {
        super("The request body may be at most " + cap + " bytes");
    }
}
