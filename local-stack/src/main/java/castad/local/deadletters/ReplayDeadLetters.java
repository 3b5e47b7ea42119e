package castad.local.deadletters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * {@code ./castad dlt replay <topic> [--task <taskId>] [--dry-run]}: sends the dead letters of
 * {@code <topic>.dlt} back to their original topic, each one once.
 *
 * <p>A replayed record has the dead letter's key and value bytes and its headers without spring-kafka's
 * failure headers ({@code kafka_dlt-*}, {@code springDeserializerException*}), plus {@code replayedFrom}
 * = {@code <dlt topic>-<partition>@<offset>}. Progress is saved, per dead-letter partition, as the
 * committed offset of the consumer group {@code castad-dlt-replay} only after the producer
 * ({@code acks=all}, idempotent) acknowledged every record it covers; see {@link ReplayProgress}.
 */
public final class ReplayDeadLetters {

    /** One dead-letter partition in this run. */
    private static final class PartitionRun {
        final ReplayProgress before;
        final List<Long> sent = new ArrayList<>();
        final List<Long> notSent = new ArrayList<>();
        final List<Long> planned = new ArrayList<>();

        PartitionRun(ReplayProgress before) {
            this.before = before;
        }
    }

    private record Send(DeadLetter letter, String target, Future<RecordMetadata> result) {
    }

    private final KafkaSession kafka;
    private final String topic;
    private final Optional<String> task;
    private final boolean dryRun;
    private final PrintStream out;
    private final PrintStream err;

    private final Map<Integer, PartitionRun> runs = new HashMap<>();
    private final List<Send> sends = new ArrayList<>();
    private int otherTasks;
    private int alreadyReplayed;
    private int heldBack;
    private int wouldReplay;

    private ReplayDeadLetters(KafkaSession kafka, String topic, Optional<String> task, boolean dryRun,
                              PrintStream out, PrintStream err) {
        this.kafka = kafka;
        this.topic = topic;
        this.task = task;
        this.dryRun = dryRun;
        this.out = out;
        this.err = err;
    }

    /** @return 0, or 1 if a record could not be sent (what was sent before it is saved as progress) */
    public static int run(KafkaSession kafka, String deadLetterTopic, Optional<String> task, boolean dryRun,
                          PrintStream out, PrintStream err) {
        return new ReplayDeadLetters(kafka, deadLetterTopic, task, dryRun, out, err).replay();
    }

    private int replay() {
        if (!kafka.topics().contains(topic)) {
            out.println(topic + ": no such topic yet, nothing to replay");
            out.println("replayed=0 skipped=0");
            return 0;
        }
        List<TopicPartition> partitions = kafka.partitions(topic);
        Map<Integer, ReplayProgress> progress = kafka.replayProgress(topic);
        Map<TopicPartition, Long> from = new HashMap<>();
        for (TopicPartition partition : partitions) {
            ReplayProgress before = progress.getOrDefault(partition.partition(), ReplayProgress.NONE);
            runs.put(partition.partition(), new PartitionRun(before));
            from.put(partition, before.next());
        }
        Map<TopicPartition, Long> end = kafka.read(partitions, from, this::consider);

        int failed = dryRun ? 0 : confirmSends();
        if (!dryRun) {
            saveProgress(end);
        }
        summarize(failed);
        return failed == 0 ? 0 : 1;
    }

    private void consider(ConsumerRecord<byte[], byte[]> record) {
        PartitionRun run = runs.get(record.partition());
        long offset = record.offset();
        if (run.before.replayed(offset)) {
            alreadyReplayed++;
            return;
        }
        if (task.isPresent() && !task.get().equals(DeadLetter.keyOf(record))) {
            otherTasks++;
            run.notSent.add(offset);
            return;
        }
        if (!run.notSent.isEmpty() && !run.before.fitsAhead(offset, run.planned)) {
            heldBack++;  // the progress could not remember it: sent by a later run
            run.notSent.add(offset);
            return;
        }
        run.planned.add(offset);
        DeadLetter letter = DeadLetter.of(record);
        String target = DeadLetter.originalTopicOf(record);
        if (dryRun) {
            wouldReplay++;
            out.println("would replay  " + letter.address() + " -> " + target + describe(letter));
        } else {
            Future<RecordMetadata> result;
            try {
                result = kafka.producer().send(replayOf(record, letter, target));
            } catch (KafkaException e) {
                result = CompletableFuture.failedFuture(e);  // reported with the others, after the flush
            }
            sends.add(new Send(letter, target, result));
        }
    }

    /** The dead letter as it goes back: same key, value and headers, without the failure, with its origin. */
    static ProducerRecord<byte[], byte[]> replayOf(ConsumerRecord<byte[], byte[]> record, DeadLetter letter,
                                                  String target) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            String name = header.key();
            if (!name.startsWith(DeadLetter.DLT_HEADER_PREFIX) && !name.startsWith(DeadLetter.DESERIALIZER_EXCEPTION_PREFIX)
                    && !name.equals(DeadLetter.REPLAYED_FROM)) {
                headers.add(header);
            }
        }
        headers.add(DeadLetter.REPLAYED_FROM, letter.address().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(target, null, record.key(), record.value(), headers);
    }

    /** Waits for every acknowledgement; a record counts as replayed only once acknowledged. */
    private int confirmSends() {
        if (sends.isEmpty()) {
            return 0;
        }
        kafka.producer().flush();
        int failed = 0;
        for (Send send : sends) {
            PartitionRun run = runs.get(send.letter().partition());
            try {
                RecordMetadata sent = send.result().get();
                run.sent.add(send.letter().offset());
                out.println("replayed  " + send.letter().address() + " -> " + sent.topic() + "-" + sent.partition()
                        + "@" + sent.offset() + describe(send.letter()));
            } catch (ExecutionException e) {
                failed++;
                run.notSent.add(send.letter().offset());
                err.println("castad dlt: could not replay " + send.letter().address() + " to " + send.target() + ": "
                        + KafkaSession.message(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaUnavailableException("interrupted while waiting for Kafka's acknowledgements");
            }
        }
        return failed;
    }

    private void saveProgress(Map<TopicPartition, Long> end) {
        Map<TopicPartition, OffsetAndMetadata> commits = new LinkedHashMap<>();
        runs.forEach((partition, run) -> {
            TopicPartition tp = new TopicPartition(topic, partition);
            ReplayProgress after = run.before.after(run.sent, run.notSent, end.get(tp));
            if (!after.equals(run.before)) {
                commits.put(tp, after.toCommit());
            }
        });
        kafka.saveReplayProgress(commits);
    }

    private void summarize(int failed) {
        if (otherTasks > 0) {
            out.println("note: " + otherTasks + " dead letter(s) of other tasks left as they are; a later replay"
                    + " (without --task, or with their task) sends them");
        }
        if (alreadyReplayed > 0) {
            out.println("note: " + alreadyReplayed + " dead letter(s) already replayed by an earlier --task replay");
        }
        if (heldBack > 0) {
            out.println("note: " + heldBack + " dead letter(s) held back: too many replayed out of order to remember;"
                    + " run a replay without --task");
        }
        if (failed > 0) {
            out.println("note: " + failed + " dead letter(s) could not be sent; the next replay tries them again");
        }
        if (dryRun) {
            out.println("dry run: would replay " + wouldReplay + "; nothing sent, progress unchanged");
        }
        out.println("replayed=" + (dryRun ? 0 : sends.size() - failed) + " skipped=" + (otherTasks + alreadyReplayed + heldBack));
    }

    private static String describe(DeadLetter letter) {
        return "  task=" + (letter.key() == null ? "-" : letter.key())
                + "  " + (letter.eventType() == null ? "-" : letter.eventType());
    }
}
