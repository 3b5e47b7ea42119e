package castad.gateway.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import castad.common.blob.BlobStore;
import castad.common.event.Stage;
import castad.common.event.StageCompleted;
import castad.common.event.StageStarted;
import castad.common.kafka.EventJson;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadableResultsTest {

    private final BlobStore blobs = mock(BlobStore.class);
    private final ReadableResults results = new ReadableResults(blobs);

    @Test
    void aCompletedStagesFileIsHandedOutWithTheSignedUrlOfItsBlob() {
        String plain = "http://127.0.0.1:10000/devstoreaccount1/media/videos%2Ftask-1%2F7.mp4";
        when(blobs.readUrlOf(plain)).thenReturn(Optional.of("http://blob/media/videos/task-1/7.mp4?sig=x"));
        var stored = new StageCompleted("task-1", Stage.VIDEO, 7, plain);

        TimelineEntry entry = results.of(entry("StageCompleted", EventJson.write(stored)));

        assertThat(entry.payload()).contains("\"resultUrl\":\"http://blob/media/videos/task-1/7.mp4?sig=x\"")
                .contains("\"stage\":\"VIDEO\"", "\"stageId\":7");
        assertThat(entry.eventId()).isEqualTo("e1");
    }

    @Test
    void eventsWithoutAFileAreHandedOutAsTheyWerePublished() {
        TimelineEntry lyric = entry("StageCompleted", EventJson.write(new StageCompleted("task-1", Stage.LYRIC, 3, null)));
        TimelineEntry started = entry("StageStarted", EventJson.write(new StageStarted("task-1", Stage.SONG, 4)));

        assertThat(results.of(lyric)).isSameAs(lyric);
        assertThat(results.of(started)).isSameAs(started);
    }

    @Test
    void anEventItCannotSignIsHandedOutAsItIsRatherThanStoppingTheStream() {
        TimelineEntry unreadable = entry("StageCompleted", "{not json");
        TimelineEntry badUrl = entry("StageCompleted",
                EventJson.write(new StageCompleted("task-1", Stage.SONG, 2, "not a url")));
        when(blobs.readUrlOf("not a url")).thenReturn(Optional.empty());

        assertThat(results.of(unreadable)).isSameAs(unreadable);
        assertThat(results.of(badUrl)).isSameAs(badUrl);
    }

    private static TimelineEntry entry(String type, String payload) {
        return new TimelineEntry("e1", type, "2026-11-27T00:00:00Z", payload);
    }
}
