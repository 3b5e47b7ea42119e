package castad.bench;

import castad.common.event.BlobFailed;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.ParallelTransferOptions;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import castad.common.event.BlobRequested;
import castad.common.event.BlobStored;
import castad.common.event.CastadEvent;
import castad.common.event.Stage;
import castad.common.event.Topics;
import castad.common.kafka.EventDeserializer;
import castad.common.kafka.EventRecords;
import castad.common.kafka.EventSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * W4: one large file from the simulator through blob-worker into Azurite, beside a raw copy of the same bytes
 * over the same loopback path without castad (the simulator's stream uploaded by the Azure SDK with castad's
 * block size and concurrency), while blob-worker's resident memory is watched (from after a 64 MiB warm-up
 * copy through blob-worker). Also prints the raw read of
 * the source alone, to show which side limits.
 *
 * <pre>java -cp ... castad.bench.BlobCopyBench BOOTSTRAP SOURCE_URL BYTES PID[,PID...] BLOB_CONNECTION_STRING</pre>
 *
 * Publishes a {@link BlobRequested} (stage SONG, an id no song has, so no stage row changes) and waits for
 * its {@link BlobStored} on the pipeline events. Prints
 * {@code W4 bytes=N mb_per_s=X raw_mb_per_s=Y rss_growth_mb=Z} (MB = 2^20 bytes).
 */
public final class BlobCopyBench {

    private static final double MB = 1 << 20;

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String source = args[1];
        long bytes = Long.parseLong(args[2]);
        List<Long> pids = Arrays.stream(args[3].split(",")).map(Long::parseLong).toList();
        String blobConnection = args[4];

        System.out.printf(Locale.ROOT, "  raw read of the source alone: %.0f MB/s%n", rawRead(source, bytes));
        double raw = rawCopy(source, bytes, blobConnection);
        System.out.printf(Locale.ROOT, "  raw copy, source -> Azure SDK -> Azurite, 4 MiB blocks x 2: %.0f MB/s%n", raw);
        long warmUp = 64L << 20;
        copyThroughBlobWorker(bootstrap, source.replace("sizeBytes=" + bytes, "sizeBytes=" + warmUp), warmUp);
        var memory = new RssWatch(pids);
        memory.start();
        double seconds = copyThroughBlobWorker(bootstrap, source, bytes);
        memory.stop();
        System.out.printf(Locale.ROOT, "  blob-worker copy: %.1f s; resident memory before %s MB, peak %s MB%n", seconds,
                memory.before(), memory.peak());
        System.out.printf(Locale.ROOT, "W4 bytes=%d mb_per_s=%.0f raw_mb_per_s=%.0f rss_growth_mb=%.0f%n", bytes,
                bytes / MB / seconds, raw, memory.growthMb());
    }

    /** MB/s of reading the source over loopback and discarding it: the copy's ceiling on this machine. */
    static double rawRead(String source, long bytes) throws IOException {
        long start = System.nanoTime();
        var connection = (HttpURLConnection) URI.create(source).toURL().openConnection();
        long read = 0;
        try (InputStream in = connection.getInputStream()) {
            byte[] buffer = new byte[256 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                read += n;
            }
        }
        if (read != bytes) {
            throw new IllegalStateException("the source gave " + read + " bytes, not " + bytes);
        }
        return bytes / MB / ((System.nanoTime() - start) / 1e9);
    }

    /** MB/s of the same copy without castad: the source's stream uploaded as castad uploads it. */
    static double rawCopy(String source, long bytes, String blobConnection) throws IOException {
        var container = new BlobServiceClientBuilder().connectionString(blobConnection).buildClient()
                .getBlobContainerClient("bench-raw");
        if (!container.exists()) {
            container.create();
        }
        long start = System.nanoTime();
        var connection = (HttpURLConnection) URI.create(source).toURL().openConnection();
        try (InputStream in = connection.getInputStream()) {
            container.getBlobClient("raw-" + UUID.randomUUID()).uploadWithResponse(new BlobParallelUploadOptions(in)
                    .setParallelTransferOptions(new ParallelTransferOptions().setBlockSizeLong(4L << 20)
                            .setMaxSingleUploadSizeLong(4L << 20).setMaxConcurrency(2)), Duration.ofMinutes(30), null);
        }
        return bytes / MB / ((System.nanoTime() - start) / 1e9);
    }

    /** Seconds from publishing the request to reading its BlobStored. */
    static double copyThroughBlobWorker(String bootstrap, String source, long bytes) {
        String taskId = "bench-" + UUID.randomUUID();
        long stageId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) + 1_000_000_000L;
        try (var consumer = new KafkaConsumer<String, CastadEvent>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new EventDeserializer());
             var producer = new KafkaProducer<String, Object>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new EventSerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PIPELINE_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            long start = System.nanoTime();
            producer.send(EventRecords.of(new BlobRequested(taskId, Stage.SONG, stageId,
                    source, "audio/mpeg", "bench/" + taskId + ".mp3"))).get();
            while (true) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.value() instanceof BlobStored stored && stored.taskId().equals(taskId)) {
                        if (stored.sizeBytes() != bytes) {
                            throw new IllegalStateException("stored " + stored.sizeBytes() + " bytes, not " + bytes);
                        }
                        return (System.nanoTime() - start) / 1e9;
                    }
                    if (record.value() instanceof BlobFailed failed && failed.taskId().equals(taskId)) {
                        throw new IllegalStateException("blob-worker failed: " + failed);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Peak VmRSS of the watched processes, every 50 ms, against what each had before. */
    static final class RssWatch {
        private final List<Long> pids;
        private final long[] before;
        private final AtomicLong growth = new AtomicLong();
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        RssWatch(List<Long> pids) {
            this.pids = pids;
            this.before = pids.stream().mapToLong(RssWatch::rssKb).toArray();
        }

        void start() {
            thread = new Thread(() -> {
                while (running) {
                    for (int i = 0; i < pids.size(); i++) {
                        long now = rssKb(pids.get(i));
                        growth.accumulateAndGet(now - before[i], Math::max);
                        peak.accumulateAndGet(now, Math::max);
                    }
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rss-watch");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        double growthMb() {
            return growth.get() / 1024.0;
        }

        String before() {
            return Arrays.toString(Arrays.stream(before).map(kb -> kb / 1024).toArray());
        }

        long peak() {
            return peak.get() / 1024;
        }

        static long rssKb(long pid) {
            try {
                return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                        .filter(line -> line.startsWith("VmRSS:"))
                        .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                        .findFirst().orElse(0);
            } catch (IOException e) {
                return 0;
            }
        }
    }
}
