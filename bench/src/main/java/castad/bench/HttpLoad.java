package castad.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A lean HTTP/1.1 load generator over keep-alive sockets, one platform thread per connection.
 *
 * <p>Saturation ({@code --rate 0}): every connection sends its next request as soon as the last answer is
 * read; prints the throughput and the latency of each request. Fixed rate ({@code --rate R}): request
 * {@code i} is due at {@code start + i/R}, taken by the connections in turn, and its latency counts from
 * when it was due, not from when it was sent, so a stall shows up in every request it delayed (no
 * coordinated omission).
 *
 * <pre>java -cp bench.jar castad.bench.HttpLoad URL[,URL...] --connections 64 --seconds 10 [--rate 1000] [--warmup 3]</pre>
 *
 * Several URLs are requested in turn (e.g. many task ids). Prints one line:
 * {@code requests=N errors=E rps=X p50_ms=Y p99_ms=Z max_ms=M}.
 */
public final class HttpLoad {

    /** The local stack's key ({@code ./castad bench} exports it): the task view needs one. */
    private static final String API_KEY_HEADER = System.getenv().getOrDefault("CASTAD_API_KEY", "").isEmpty()
            ? "" : "X-API-Key: " + System.getenv("CASTAD_API_KEY") + "\r\n";

    private final List<URI> targets;
    private final int connections;
    private final double rate;

    private HttpLoad(List<URI> targets, int connections, double rate) {
        this.targets = targets;
        this.connections = connections;
        this.rate = rate;
    }

    public static void main(String[] args) throws Exception {
        List<URI> targets = Arrays.stream(args[0].split(",")).map(URI::create).toList();
        int connections = Integer.parseInt(option(args, "--connections", "64"));
        double seconds = Double.parseDouble(option(args, "--seconds", "10"));
        double warmup = Double.parseDouble(option(args, "--warmup", "3"));
        double rate = Double.parseDouble(option(args, "--rate", "0"));
        var load = new HttpLoad(targets, connections, rate);
        if (warmup > 0) {
            load.run(warmup);
        }
        System.out.println(load.run(seconds));
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 1; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /** Runs for {@code seconds}; returns the summary line. */
    String run(double seconds) throws InterruptedException {
        long start = System.nanoTime() + 50_000_000L; // every connection opened before the first is due
        long end = start + (long) (seconds * 1e9);
        var results = new Recorder[connections];
        var done = new CountDownLatch(connections);
        AtomicLong next = new AtomicLong();
        for (int c = 0; c < connections; c++) {
            var recorder = results[c] = new Recorder();
            var connection = new Connection(targets);
            Thread thread = new Thread(() -> {
                try {
                    connection.open();
                    drive(connection, recorder, next, start, end);
                } catch (IOException e) {
                    recorder.errors++;
                } finally {
                    connection.close();
                    done.countDown();
                }
            }, "load-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        return summary(results, seconds);
    }

    private void drive(Connection connection, Recorder recorder, AtomicLong next, long start, long end) {
        while (true) {
            long due;
            if (rate > 0) {
                due = start + (long) (next.getAndIncrement() * 1e9 / rate);
                if (due >= end) {
                    return;
                }
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
            } else {
                due = Math.max(System.nanoTime(), start);
                while (System.nanoTime() < start) {
                    LockSupport.parkNanos(start - System.nanoTime());
                }
                if (due >= end) {
                    return;
                }
            }
            try {
                int status = connection.get();
                recorder.record(System.nanoTime() - due, status);
            } catch (IOException e) {
                recorder.errors++;
                try {
                    connection.reopen();
                } catch (IOException again) {
                    return;
                }
            }
        }
    }

    private static String summary(Recorder[] results, double seconds) {
        long errors = 0;
        int count = 0;
        for (Recorder r : results) {
            errors += r.errors;
            count += r.size;
        }
        long[] all = new long[count];
        int at = 0;
        for (Recorder r : results) {
            System.arraycopy(r.latencies, 0, all, at, r.size);
            at += r.size;
        }
        Arrays.sort(all);
        return String.format(Locale.ROOT, "requests=%d errors=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f",
                count, errors, count / seconds, millis(all, 0.50), millis(all, 0.99),
                all.length == 0 ? 0.0 : all[all.length - 1] / 1e6);
    }

    private static double millis(long[] sorted, double q) {
        return sorted.length == 0 ? 0.0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /** One thread's latencies (no sharing while measuring). Non-2xx answers count as errors. */
    private static final class Recorder {
        long[] latencies = new long[1 << 16];
        int size;
        long errors;

        void record(long nanos, int status) {
            if (status < 200 || status > 299) {
                errors++;
                return;
            }
            if (size == latencies.length) {
                latencies = Arrays.copyOf(latencies, size * 2);
            }
            latencies[size++] = nanos;
        }
    }

    /** A keep-alive connection that sends GETs for the targets in turn and reads each answer whole. */
    private static final class Connection {
        private final List<byte[]> requests = new ArrayList<>();
        private final InetSocketAddress address;
        private final byte[] buffer = new byte[64 * 1024];
        private int turn;
        private Socket socket;
        private OutputStream out;
        private InputStream in;

        Connection(List<URI> targets) {
            URI first = targets.get(0);
            address = new InetSocketAddress(first.getHost(), first.getPort());
            for (URI target : targets) {
                String path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
                requests.add(("GET " + path + " HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort()
                        + "\r\nAccept: application/json\r\n" + API_KEY_HEADER + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            turn = (int) (Math.random() * requests.size());
        }

        void open() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(address, 5_000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }

        void reopen() throws IOException {
            close();
            open();
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing after the run: nothing to do
            }
        }

        /** Sends the next request and reads its answer; returns the status. */
        int get() throws IOException {
            out.write(requests.get(turn));
            out.flush();
            turn = (turn + 1) % requests.size();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closing = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else if (length > 0) {
                skip(length);
            }
            if (closing) { // the server's keep-alive limit: a new connection, as any client would open
                reopen();
            }
            return status;
        }

        private void skip(long bytes) throws IOException {
            while (bytes > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, bytes));
                if (read < 0) {
                    throw new IOException("connection closed mid-answer");
                }
                bytes -= read;
            }
        }

        private String line() throws IOException {
            var text = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    text.append((char) b);
                }
            }
            return text.toString();
        }
    }
}
