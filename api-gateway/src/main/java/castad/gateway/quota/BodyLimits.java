package castad.gateway.quota;

import castad.gateway.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every body that is not an upload (multipart has its own limits): a declared length over the cap is a
 * 413 before anything is read; a chunked body is cut off where it passes the cap ({@link BodyTooLarge}, a
 * 413 too). Provider webhooks get a larger cap than the API's JSON.
 */
class BodyLimits extends OncePerRequestFilter {

    private final ProblemWriter problems;
    private final long maxJson;
    private final long maxCallback;

    BodyLimits(QuotaSettings settings, ProblemWriter problems) {
        this.problems = problems;
        this.maxJson = settings.maxJsonBody().toBytes();
        this.maxCallback = settings.maxCallbackBody().toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long cap = request.getRequestURI().startsWith("/api/v1/callbacks/") ? maxCallback : maxJson;
        if (request.getContentLengthLong() > cap) {
            problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "Request too large",
                    "The request body may be at most " + cap + " bytes");
            return;
        }
        chain.doFilter(new Capped(request, cap), response);
    }

    private static final class Capped extends HttpServletRequestWrapper {

        private final long cap;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long cap) {
            super(request);
            this.cap = cap;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CappedStream(super.getInputStream(), cap);
            }
            return stream;
        }
    }

    private static final class CappedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long cap;
        private long read;

        CappedStream(ServletInputStream in, long cap) {
            this.in = in;
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > cap) {
                throw new BodyTooLarge(cap);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
