package castad.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import castad.common.CommonTestApplication;
import castad.common.event.CastadEvent;
import castad.common.event.CreatomateCallback;
import castad.common.event.LyricRequested;
import castad.common.event.SongRequested;
import castad.common.event.Topics;
import castad.testsupport.InfrastructureTest;
import castad.testsupport.KafkaProbe;
import castad.testsupport.KafkaProbe.Message;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;

@SpringBootTest(classes = CommonTestApplication.class,
        properties = {"spring.kafka.consumer.group-id=dead-letter-it", "castad.kafka.retry-interval=50ms"})
@Import(DeadLetterIT.Listener.class)
class DeadLetterIT extends InfrastructureTest {

    @Autowired
    Listener listener;

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicWithTheFailureAndTheConsumerKeepsGoing() {
        String poisoned = UUID.randomUUID().toString();
        String good = UUID.randomUUID().toString();
        try (var probe = new KafkaProbe(List.of(Topics.deadLetter(Topics.LYRIC_REQUESTED)))) {
            KafkaProbe.send(Topics.LYRIC_REQUESTED, poisoned, "not json", Map.of("eventType", "LyricRequested"));
            KafkaProbe.send(Topics.LYRIC_REQUESTED, poisoned, "{}", Map.of("eventType", "SomethingElse"));
            KafkaProbe.send(Topics.LYRIC_REQUESTED, good, "{\"taskId\":\"" + good + "\",\"lyricId\":9}",
                    Map.of("eventType", "LyricRequested"));

            List<Message> dead = probe.await(m -> poisoned.equals(m.key()), 2, Duration.ofSeconds(30));

            assertThat(dead).extracting(Message::value).containsExactly("not json", "{}");
            assertThat(dead.get(1).header("kafka_dlt-exception-stacktrace")).contains("Unknown eventType SomethingElse");
            assertThat(dead.get(0).header("kafka_dlt-original-topic")).isEqualTo(Topics.LYRIC_REQUESTED);
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> listener.received.contains(new LyricRequested(good, 9)));
        }
    }

    @Test
    void aListenerThatNamesItsEventsSkipsTheOthersUnreadButStillDeadLettersABrokenOneItWants() {
        String task = UUID.randomUUID().toString();
        try (var probe = new KafkaProbe(List.of(Topics.deadLetter(Topics.PROVIDER_CALLBACKS)))) {
            KafkaProbe.send(Topics.PROVIDER_CALLBACKS, task, "not json", Map.of("eventType", "CreatomateCallback"));
            KafkaProbe.send(Topics.PROVIDER_CALLBACKS, task, "not json either", Map.of("eventType", "SunoCallback"));
            KafkaProbe.send(Topics.PROVIDER_CALLBACKS, task,
                    "{\"taskId\":\"" + task + "\",\"videoId\":4,\"body\":\"{}\"}",
                    Map.of("eventType", "CreatomateCallback"));

            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> listener.callbacks.contains(new CreatomateCallback(task, 4, "{}")));
            Predicate<Message> ofTask = m -> task.equals(m.key());
            probe.await(ofTask, 1, Duration.ofSeconds(30));
            // a second dead letter (the unwanted record read after all) would arrive within this
            List<Message> dead = Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> probe.await(ofTask, 1, Duration.ofSeconds(1)), letters -> letters.size() == 1);
            assertThat(dead).extracting(Message::value).containsExactly("not json");
            assertThat(listener.callbacks).as("nothing else reached the listener")
                    .filteredOn(callback -> callback.taskId().equals(task)).hasSize(1);
        }
    }


    @Test
    void aBatchListenerDeadLettersTheRecordsItCannotReadOrHandleAndHandlesTheRestOnce() {
        String task = UUID.randomUUID().toString();
        try (var probe = new KafkaProbe(List.of(Topics.deadLetter(Topics.SONG_REQUESTED)))) {
            KafkaProbe.send(Topics.SONG_REQUESTED, task, "not json", Map.of("eventType", "SongRequested"));
            KafkaProbe.send(Topics.SONG_REQUESTED, task, songRequested(task, Listener.REFUSED),
                    Map.of("eventType", "SongRequested"));
            KafkaProbe.send(Topics.SONG_REQUESTED, task, songRequested(task, 7), Map.of("eventType", "SongRequested"));

            List<Message> dead = probe.await(m -> task.equals(m.key()), 2, Duration.ofSeconds(30));

            assertThat(dead).extracting(Message::value).first().isEqualTo("not json");
            assertThat(dead.get(1).value()).contains("\"songId\":" + Listener.REFUSED);
            assertThat(dead.get(1).header("kafka_dlt-exception-message")).contains("refused");
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> listener.batched.contains(new SongRequested(task, 7)));
            assertThat(listener.batched).filteredOn(callback -> callback.taskId().equals(task))
                    .extracting(SongRequested::songId).as("what was handled, each once").containsExactly(7L);
        }
    }

    private static String songRequested(String task, long songId) {
        return "{\"taskId\":\"" + task + "\",\"songId\":" + songId + "}";
    }

    @TestConfiguration
    static class Listener {

        static final long REFUSED = 13;

        final List<LyricRequested> received = new CopyOnWriteArrayList<>();
        final List<CreatomateCallback> callbacks = new CopyOnWriteArrayList<>();
        final List<SongRequested> batched = new CopyOnWriteArrayList<>();
        private final EventRoutes routes = new EventRoutes().on(SongRequested.class, (command, headers) -> {
            if (command.songId() == REFUSED) {
                throw new IllegalStateException("refused song " + REFUSED);
            }
            batched.add(command);
        });
        private final EventBatches batches;

        Listener(EventBatches batches) {
            this.batches = batches;
        }

        @KafkaListener(topics = Topics.LYRIC_REQUESTED)
        void on(LyricRequested command) {
            received.add(command);
        }

        @KafkaListener(topics = Topics.PROVIDER_CALLBACKS, groupId = "dead-letter-it-picky",
                properties = EventDeserializer.WANTED + "=CreatomateCallback")
        void on(CreatomateCallback callback) {
            callbacks.add(callback);
        }

        @KafkaListener(topics = Topics.SONG_REQUESTED, groupId = "dead-letter-it-batch", batch = "true",
                properties = EventDeserializer.WANTED + "=SongRequested")
        void on(List<ConsumerRecord<String, CastadEvent>> records) {
            batches.handle(records, routes);
        }
    }
}
