package castad.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import castad.common.event.CastadEvent;
import castad.common.event.Stage;
import castad.common.event.StageFailed;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventDeserializerTest {

    private final EventSerializer serializer = new EventSerializer();
    private final EventDeserializer deserializer = new EventDeserializer();

    @Test
    void readsBackWhatTheSerializerWrote() {
        CastadEvent event = new StageFailed("task-1", Stage.LYRIC, 7, "OPENAI_UNAUTHORIZED", "bad key");
        byte[] json = serializer.serialize("topic", event);

        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"errorCode\":\"OPENAI_UNAUTHORIZED\"");
        assertThat(deserializer.deserialize("topic", headers("StageFailed"), json)).isEqualTo(event);
    }

    @Test
    void rejectsRecordsItCannotRead() {
        byte[] valid = "{\"taskId\":\"t\",\"lyricId\":1}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> deserializer.deserialize("topic", new RecordHeaders(), valid))
                .isInstanceOf(SerializationException.class).hasMessageContaining("eventType");
        assertThatThrownBy(() -> deserializer.deserialize("topic", headers("Nope"), valid))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Unknown eventType Nope");
        assertThatThrownBy(() -> deserializer.deserialize("topic", headers("LyricRequested"), bytes("not json")))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> deserializer.deserialize("topic", headers("LyricRequested"), bytes("{\"lyricId\":1}")))
                .isInstanceOf(SerializationException.class).hasMessageContaining("taskId");
    }

    @Test
    void aListenerThatNamesItsEventsNeverReadsTheOthers() {
        var picky = new EventDeserializer();
        picky.configure(Map.of(EventDeserializer.WANTED, "StageFailed, BlobStored"), false);
        CastadEvent failed = new StageFailed("task-1", Stage.SONG, 3, "SUNO_SENSITIVE_WORD_ERROR", "no");

        assertThat(picky.deserialize("topic", headers("StageFailed"), serializer.serialize("topic", failed)))
                .isEqualTo(failed);
        assertThat(picky.deserialize("topic", headers("StageStarted"), bytes("not even json"))).isNull();
        assertThatThrownBy(() -> picky.deserialize("topic", new RecordHeaders(), bytes("{}")))
                .as("a record without its type is broken for everyone").isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> picky.deserialize("topic", headers("StageFailed"), bytes("not json")))
                .as("a wanted event that cannot be read is dead-lettered").isInstanceOf(SerializationException.class);
    }

    @Test
    void aMisspelledWantedEventStopsTheConsumerFromStarting() {
        assertThatThrownBy(() -> new EventDeserializer().configure(Map.of(EventDeserializer.WANTED, "StageDone"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("StageDone");
    }

    @Test
    void passesRawBytesThroughSoThatDeadLettersKeepTheOriginal() {
        byte[] raw = bytes("not json");
        assertThat(serializer.serialize("topic", raw)).isSameAs(raw);
    }

    private static RecordHeaders headers(String eventType) {
        var headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_TYPE, bytes(eventType));
        return headers;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
