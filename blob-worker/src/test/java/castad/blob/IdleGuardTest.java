package castad.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdleGuardTest {

    private final IdleGuard guard = new IdleGuard(Duration.ofMillis(200));

    @AfterEach
    void stop() {
        guard.close();
    }

    @Test
    void aSourceThatKeepsSendingIsReadToTheEnd() throws IOException {
        byte[] bytes = new byte[100_000];

        assertThat(guard.guard(new ByteArrayInputStream(bytes)).readAllBytes()).hasSize(100_000);
    }

    @Test
    void aReadThatWaitsLongerThanTheIdleTimeFailsWithATimeoutAndClosesTheSource() {
        var stalled = new StalledSource();
        InputStream guarded = guard.guard(stalled);

        long start = System.nanoTime();
        assertThatThrownBy(guarded::read).isInstanceOf(SocketTimeoutException.class)
                .hasMessageContaining("sent nothing for");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(150), Duration.ofSeconds(5));
        assertThat(stalled.closed.getCount()).isZero();
    }

    /** Blocks in read until closed, as the JDK client's response stream does. */
    private static final class StalledSource extends InputStream {

        final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public int read() throws IOException {
            try {
                closed.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("closed");
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }
}
