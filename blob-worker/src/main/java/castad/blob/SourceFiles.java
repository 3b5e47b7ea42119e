package castad.blob;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * Opens a provider's file for streaming over one pooled HTTP client. The client follows no redirect by
 * itself: this class does, at most {@value #MAX_REDIRECTS} times, and only after the policy allowed the
 * next hop. The status of the final answer decides what a failure means ({@link CopyFailure#forStatus}).
 */
final class SourceFiles {

    static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final HttpClient http;
    private final SourcePolicy policy;
    private final IdleGuard idleGuard;
    private final Duration readTimeout;

    SourceFiles(HttpClient http, SourcePolicy policy, IdleGuard idleGuard, Duration readTimeout) {
        this.http = http;
        this.policy = policy;
        this.idleGuard = idleGuard;
        this.readTimeout = readTimeout;
    }

    /** @param source a URL the policy already allowed */
    SourceFile open(URI source) {
        URI current = source;
        for (int redirects = 0; ; redirects++) {
            HttpResponse<InputStream> response = get(current);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new SourceFile(idleGuard.guard(response.body()),
                        response.headers().firstValueAsLong("Content-Length"));
            }
            discard(response);
            if (!REDIRECTS.contains(status)) {
                throw CopyFailure.forStatus(status, SourcePolicy.redact(current), retryAfter(response));
            }
            if (redirects == MAX_REDIRECTS) {
                throw CopyFailure.rejected(SourcePolicy.redact(source) + " redirected more than "
                        + MAX_REDIRECTS + " times");
            }
            current = policy.check(location(current, response));
        }
    }

    private HttpResponse<InputStream> get(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url).GET().timeout(readTimeout).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw CopyFailure.unavailable(SourcePolicy.redact(url) + " could not be fetched: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while fetching " + SourcePolicy.redact(url), e);
        }
    }

    private static void discard(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // the connection is dropped instead of reused
        }
    }

    private static URI location(URI current, HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElseThrow(() -> CopyFailure.rejected(
                SourcePolicy.redact(current) + " answered " + response.statusCode() + " without a Location"));
        try {
            return current.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw CopyFailure.refused(SourcePolicy.redact(current) + " redirected to an invalid URL");
        }
    }

    /** {@code Retry-After} in seconds; an HTTP date is left to the backoff. */
    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .filter(value -> value.strip().matches("\\d{1,6}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value.strip())))
                .orElse(null);
    }
}
