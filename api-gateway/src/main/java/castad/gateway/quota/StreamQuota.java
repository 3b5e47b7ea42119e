package castad.gateway.quota;

import castad.gateway.security.Caller;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/** How many event streams each API key holds open on this instance; one over the cap is a 429. */
@Component
public class StreamQuota {

    private final int perKey;
    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();

    StreamQuota(QuotaSettings settings) {
        this.perKey = settings.streamsPerKey();
    }

    /** @return what closes the stream's place: safe to call more than once (completion, timeout and error all do) */
    public Runnable open(Caller caller) {
        AtomicInteger streams = open.computeIfAbsent(caller.name(), name -> new AtomicInteger());
        if (streams.incrementAndGet() > perKey) {
            streams.decrementAndGet();
            throw tooMany();
        }
        var closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                streams.decrementAndGet();
            }
        };
    }

    private ErrorResponseException tooMany() {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "This API key already holds "
                + perKey + " event streams open; close one (or poll GET /api/v1/projects/{taskId}) and retry");
        problem.setTitle("Too many streams");
        var refused = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
        refused.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        return refused;
    }
}
