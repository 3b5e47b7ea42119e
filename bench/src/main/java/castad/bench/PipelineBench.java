package castad.bench;

import castad.common.event.CastadEvent;
import castad.common.event.PipelineCompleted;
import castad.common.event.PipelineFailed;
import castad.common.event.Stage;
import castad.common.event.StageCompleted;
import castad.common.event.StageStarted;
import castad.common.event.Topics;
import castad.common.kafka.EventDeserializer;
import castad.common.kafka.EventHeaders;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * W1 and W2: many pipelines through the running stack, timed from the pipeline events.
 *
 * <pre>java -cp ... castad.bench.PipelineBench API BOOTSTRAP PIPELINES TIMEOUT_S [SUBMIT_PER_S]</pre>
 *
 * Prepares the projects (one photo each) first, then submits every pipeline at once (or at SUBMIT_PER_S),
 * then reads {@code castad.pipeline.events} until each pipeline ended. Prints one line:
 * {@code pipelines=N completed=C failed=F wall_s=W pipelines_per_s=X e2e_p50_ms=Y e2e_p99_ms=Z hop_p50_ms=H hop_p99_ms=H99}.
 * A hop is the time from one stage's completion event to the next stage's start event (their
 * {@code occurredAt}); e2e is from sending the POST to reading the pipeline's end.
 */
public final class PipelineBench {

    /** The local stack's key, which {@code ./castad bench} exports. */
    private static final String API_KEY = System.getenv().getOrDefault("CASTAD_API_KEY", "");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PHOTO = photo();
    private static final int SUBMITTERS = 64;

    private final String api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PipelineBench(String api) {
        this.api = api;
    }

    public static void main(String[] args) throws Exception {
        var bench = new PipelineBench(args[0]);
        String bootstrap = args[1];
        int pipelines = Integer.parseInt(args[2]);
        Duration timeout = Duration.ofSeconds(Long.parseLong(args[3]));
        double perSecond = args.length > 4 ? Double.parseDouble(args[4]) : 0;

        List<String> tasks = bench.prepare(pipelines);
        System.out.println("  prepared " + tasks.size() + " projects with a photo each");
        awaitGo();
        try (var events = new PipelineEvents(bootstrap)) {
            Map<String, Long> sent = bench.submit(tasks, perSecond);
            System.out.println("  submitted " + sent.size() + " pipelines");
            events.readUntilEnded(sent.keySet(), timeout);
            System.out.println(events.summary(sent));
        }
    }

    /**
     * With {@code -Dcastad.bench.handshake=true} (as tools/bench.py runs it) waits for a line on standard input
     * before submitting, so that what measures the pipelines (CPU accounting, JFR, operation counts) is
     * running before the first one is sent.
     */
    private static void awaitGo() throws IOException {
        if (Boolean.getBoolean("castad.bench.handshake")) {
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
    }

    private List<String> prepare(int count) throws InterruptedException {
        List<String> tasks = Collections.synchronizedList(new ArrayList<>());
        var inFlight = new Semaphore(16);
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            String body = "{\"storeName\":\"Bench Store " + i + "\",\"region\":\"Seoul\",\"language\":\"en\"}";
            all.add(send(post("/api/v1/projects", "application/json", body.getBytes(StandardCharsets.UTF_8)))
                    .thenCompose(created -> {
                        String taskId = field(created, "taskId");
                        String boundary = UUID.randomUUID().toString();
                        return send(post("/api/v1/projects/" + taskId + "/images",
                                "multipart/form-data; boundary=" + boundary, multipart(boundary)))
                                .thenApply(images -> tasks.add(taskId));
                    })
                    .whenComplete((ok, error) -> inFlight.release()));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        return tasks;
    }

    /**
     * Sends each pipeline's POST, at most {@value #SUBMITTERS} at a time (a client's connection pool), each
     * retried as a client should when told to wait (503 with Retry-After); returns each task's first send
     * time (nanoTime), from which its end-to-end time counts.
     */
    private Map<String, Long> submit(List<String> tasks, double perSecond) throws InterruptedException {
        Map<String, Long> sent = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> all = new ArrayList<>();
        var inFlight = new Semaphore(SUBMITTERS);
        long start = System.nanoTime();
        for (int i = 0; i < tasks.size(); i++) {
            if (perSecond > 0) {
                long due = start + (long) (i * 1e9 / perSecond);
                while (System.nanoTime() < due) {
                    Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                }
            }
            inFlight.acquire();
            String taskId = tasks.get(i);
            sent.put(taskId, System.nanoTime());
            all.add(startPipeline(taskId, 10).whenComplete((ok, error) -> inFlight.release()));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        return sent;
    }

    private CompletableFuture<Void> startPipeline(String taskId, int triesLeft) {
        var request = post("/api/v1/projects/" + taskId + "/pipeline", "application/json", "{}".getBytes());
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            if (response.statusCode() == 503 && triesLeft > 1) {
                long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
                return CompletableFuture.supplyAsync(() -> null,
                                CompletableFuture.delayedExecutor(wait, java.util.concurrent.TimeUnit.SECONDS))
                        .thenCompose(ignored -> startPipeline(taskId, triesLeft - 1));
            }
            if (response.statusCode() != 202) {
                throw new IllegalStateException("POST pipeline of " + taskId + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return CompletableFuture.completedFuture(null);
        });
    }

    private HttpRequest post(String path, String contentType, byte[] body) {
        return HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).header("X-API-Key", API_KEY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private CompletableFuture<String> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        });
    }

    private static String field(String json, String name) {
        try {
            return JSON.readTree(json).get(name).asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] multipart(String boundary) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"p.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(PHOTO);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** The smallest valid PNG: one pixel. */
    private static byte[] photo() {
        return java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    }

    /**
     * What the pipeline events say, per task: when each stage completed and started, and when it ended. Read
     * on a thread of its own from before the first submission, so that a pipeline's end is taken when it
     * happens, not when the submitting is over (W1 at a fixed rate showed 20 s for pipelines of 120 ms).
     */
    static final class PipelineEvents implements AutoCloseable {
        private final KafkaConsumer<String, CastadEvent> consumer;
        private final Map<String, Map<String, Instant>> marks = new ConcurrentHashMap<>();
        private final Map<String, Long> endedAt = new ConcurrentHashMap<>();
        private final Map<String, Boolean> completed = new ConcurrentHashMap<>();
        private final Thread reader;
        private volatile boolean stopping;

        PipelineEvents(String bootstrap) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                    new StringDeserializer(), new EventDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PIPELINE_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            reader = new Thread(this::read, "pipeline-events");
            reader.start();
        }

        private void read() {
            try {
                while (!stopping) {
                    for (var record : consumer.poll(Duration.ofMillis(50))) {
                        note(record, System.nanoTime());
                    }
                }
            } catch (WakeupException stopped) {
                // close() asked
            } finally {
                consumer.close();
            }
        }

        synchronized void readUntilEnded(java.util.Set<String> tasks, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (endedAt.keySet().stream().filter(tasks::contains).count() < tasks.size()
                    && System.nanoTime() < deadline) {
                wait(100);
            }
        }

        private void note(ConsumerRecord<String, CastadEvent> record, long now) {
            CastadEvent event = record.value();
            String taskId = record.key();
            Instant at = EventHeaders.text(record.headers(), EventHeaders.OCCURRED_AT).map(Instant::parse).orElse(null);
            Map<String, Instant> task = marks.computeIfAbsent(taskId, key -> new HashMap<>());
            if (event instanceof StageCompleted done && done.stage() != Stage.VIDEO) {
                task.putIfAbsent("completed-" + done.stage(), at);
            } else if (event instanceof StageStarted started) {
                task.putIfAbsent("started-" + started.stage(), at);
            } else if (event instanceof PipelineCompleted || event instanceof PipelineFailed) {
                completed.putIfAbsent(taskId, event instanceof PipelineCompleted);
                endedAt.putIfAbsent(taskId, now);
                synchronized (this) {
                    notifyAll();
                }
            }
        }

        String summary(Map<String, Long> sent) {
            List<Double> e2e = new ArrayList<>();
            List<Double> hops = new ArrayList<>();
            long first = Collections.min(sent.values());
            long last = first;
            int done = 0;
            int failed = 0;
            for (var entry : sent.entrySet()) {
                Long end = endedAt.get(entry.getKey());
                if (end == null) {
                    continue;
                }
                last = Math.max(last, end);
                e2e.add((end - entry.getValue()) / 1e6);
                if (Boolean.TRUE.equals(completed.get(entry.getKey()))) {
                    done++;
                } else {
                    failed++;
                }
                Map<String, Instant> task = marks.getOrDefault(entry.getKey(), Map.of());
                hop(hops, task.get("completed-LYRIC"), task.get("started-SONG"));
                hop(hops, task.get("completed-SONG"), task.get("started-VIDEO"));
            }
            double wall = (last - first) / 1e9;
            return String.format(Locale.ROOT, "pipelines=%d completed=%d failed=%d wall_s=%.1f pipelines_per_s=%.1f"
                            + " e2e_p50_ms=%.0f e2e_p99_ms=%.0f hop_p50_ms=%.1f hop_p99_ms=%.1f", sent.size(), done,
                    failed, wall, done / wall, percentile(e2e, 0.5), percentile(e2e, 0.99), percentile(hops, 0.5),
                    percentile(hops, 0.99));
        }

        private static void hop(List<Double> hops, Instant from, Instant to) {
            if (from != null && to != null) {
                hops.add(Duration.between(from, to).toNanos() / 1e6);
            }
        }

        private static double percentile(List<Double> values, double q) {
            if (values.isEmpty()) {
                return Double.NaN;
            }
            List<Double> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
        }

        @Override
        public void close() throws InterruptedException {
            stopping = true;
            consumer.wakeup();
            reader.join();
        }
    }
}
