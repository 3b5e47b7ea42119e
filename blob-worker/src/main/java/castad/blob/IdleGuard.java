package castad.blob;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A per-read timeout for response bodies: the JDK client's request timeout ends with the headers, so a
 * source that stops sending mid-file would otherwise hold a listener thread for ever. A read that waits
 * longer than the idle time closes the stream, which ends that read with a {@link SocketTimeoutException}.
 */
final class IdleGuard implements AutoCloseable {

    private final ScheduledThreadPoolExecutor timer;
    private final Duration idle;

    IdleGuard(Duration idle) {
        this.idle = idle;
        this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName("blob-copy-idle-guard");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    InputStream guard(InputStream source) {
        return new Guarded(source, timer, idle);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private static final class Guarded extends InputStream {

        private final InputStream source;
        private final ScheduledExecutorService timer;
        private final Duration idle;
        private volatile boolean expired;

        Guarded(InputStream source, ScheduledExecutorService timer, Duration idle) {
            this.source = source;
            this.timer = timer;
            this.idle = idle;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            ScheduledFuture<?> alarm = timer.schedule(this::expire, idle.toNanos(), TimeUnit.NANOSECONDS);
            try {
                return source.read(buffer, offset, length);
            } catch (IOException e) {
                throw expired ? timeout() : e;
            } finally {
                alarm.cancel(false);
            }
        }

        @Override
        public int available() throws IOException {
            return source.available();
        }

        @Override
        public void close() throws IOException {
            source.close();
        }

        private void expire() {
            expired = true;
            try {
                source.close();
            } catch (IOException ignored) {
                // the blocked read fails either way
            }
        }

        private SocketTimeoutException timeout() {
            return new SocketTimeoutException("the source sent nothing for " + idle);
        }
    }
}
