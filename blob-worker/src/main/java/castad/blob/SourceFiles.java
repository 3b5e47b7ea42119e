package castad.blob;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;

/**
 * Opens a provider's file for streaming over one pooled HTTP client, whose resolver is the policy's
 * ({@link BlobCopyConfiguration}): a connection goes only to an address that was checked. The client follows
 * no redirect by itself: this class does, at most {@value #MAX_REDIRECTS} times, and only after the policy
 * allowed the next hop. The status of the final answer decides what a failure means ({@link CopyFailure#forStatus}).
 */
final class SourceFiles {

    static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final CloseableHttpClient http;
    private final SourcePolicy policy;
    private final IdleGuard idleGuard;

    SourceFiles(CloseableHttpClient http, SourcePolicy policy, IdleGuard idleGuard) {
        this.http = http;
        this.policy = policy;
        this.idleGuard = idleGuard;
    }

    /** @param source a URL the policy already allowed */
    SourceFile open(URI source) {
        URI current = source;
        for (int redirects = 0; ; redirects++) {
            ClassicHttpResponse response = get(current);
            int status = response.getCode();
            if (status >= 200 && status < 300 && response.getEntity() != null) {
                return file(current, response);
            }
            discard(response);
            if (!REDIRECTS.contains(status)) {
                throw CopyFailure.forStatus(status, SourcePolicy.redact(current), retryAfter(response));
            }
            if (redirects == MAX_REDIRECTS) {
                throw CopyFailure.rejected(SourcePolicy.redact(source) + " redirected more than "
                        + MAX_REDIRECTS + " times");
            }
            current = policy.checkRedirect(current, location(current, response));
        }
    }

    private SourceFile file(URI url, ClassicHttpResponse response) {
        long length = response.getEntity().getContentLength();
        try {
            return new SourceFile(idleGuard.guard(new Body(response)),
                    length < 0 ? OptionalLong.empty() : OptionalLong.of(length));
        } catch (IOException e) {
            discard(response);
            throw CopyFailure.unavailable(SourcePolicy.redact(url) + " could not be read: " + e);
        }
    }

    private ClassicHttpResponse get(URI url) {
        try {
            return http.executeOpen(null, new HttpGet(url), null);
        } catch (IOException e) {
            throw CopyFailure.unavailable(SourcePolicy.redact(url) + " could not be fetched: " + e);
        } catch (RuntimeException e) {
            throw refusalIn(e).orElseThrow(() -> e);
        }
    }

    /** The policy's refusal, raised by the client's resolver while connecting, however the client wrapped it. */
    private static Optional<CopyFailure> refusalIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CopyFailure copyFailure) {
                return Optional.of(copyFailure);
            }
        }
        return Optional.empty();
    }

    private static void discard(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException ignored) {
            // the connection is dropped instead of reused
        }
    }

    private static URI location(URI current, ClassicHttpResponse response) {
        Header location = response.getFirstHeader("Location");
        if (location == null) {
            throw CopyFailure.rejected(SourcePolicy.redact(current) + " answered " + response.getCode()
                    + " without a Location");
        }
        try {
            return current.resolve(location.getValue().strip());
        } catch (IllegalArgumentException e) {
            throw CopyFailure.refused(SourcePolicy.redact(current) + " redirected to an invalid URL");
        }
    }

    /** {@code Retry-After} in seconds; an HTTP date is left to the backoff. */
    private static Duration retryAfter(ClassicHttpResponse response) {
        Header header = response.getFirstHeader("Retry-After");
        return header != null && header.getValue().strip().matches("\\d{1,6}")
                ? Duration.ofSeconds(Long.parseLong(header.getValue().strip())) : null;
    }

    /**
     * The response body. Read to its end, closing it hands the connection back to the pool; closed early (a
     * file over the cap, a failed upload), the connection is dropped instead of read to the end.
     */
    private static final class Body extends FilterInputStream {

        private final ClassicHttpResponse response;
        private boolean ended;

        Body(ClassicHttpResponse response) throws IOException {
            super(response.getEntity().getContent());
            this.response = response;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            ended |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            ended |= n < 0;
            return n;
        }

        @Override
        public void close() throws IOException {
            if (ended) {
                super.close();
            }
            response.close();
        }
    }
}
