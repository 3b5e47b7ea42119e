package castad.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import castad.common.event.BlobRequested;
import castad.common.event.LyricRequested;
import castad.common.event.PipelineCompleted;
import castad.common.event.PipelineStarted;
import castad.common.event.SongRequested;
import castad.common.event.Stage;
import castad.common.event.StageCompleted;
import castad.common.event.StageFailed;
import castad.common.event.StageQueued;
import castad.common.event.StageStarted;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private static final String TASK = "5f0c2b8e-8f4e-4a55-9d7e-0c4b2a1d9e01";

    @Test
    void commandsAndCompletionsThatStartTheNextStageAreAwaited() {
        assertThat(Outbox.awaited(new LyricRequested(TASK, 1))).isTrue();
        assertThat(Outbox.awaited(new SongRequested(TASK, 2))).isTrue();
        assertThat(Outbox.awaited(new BlobRequested(TASK, Stage.SONG, 2, "http://suno/2.mp3", "audio/mpeg",
                "songs/2.mp3"))).isTrue();
        assertThat(Outbox.awaited(new StageCompleted(TASK, Stage.LYRIC, 1, null))).isTrue();
        assertThat(Outbox.awaited(new StageCompleted(TASK, Stage.SONG, 2, "http://blob/2.mp3"))).isTrue();
    }

    @Test
    void eventsOnlyTheTimelineReadsAreNot() {
        assertThat(Outbox.awaited(new PipelineStarted(TASK, 1, Stage.LYRIC, 1))).isFalse();
        assertThat(Outbox.awaited(new StageQueued(TASK, Stage.SONG, 2))).isFalse();
        assertThat(Outbox.awaited(new StageStarted(TASK, Stage.VIDEO, 3))).isFalse();
        assertThat(Outbox.awaited(new StageCompleted(TASK, Stage.VIDEO, 3, "http://blob/3.mp4")))
                .as("the last stage starts nothing").isFalse();
        assertThat(Outbox.awaited(new PipelineCompleted(TASK, 1, Stage.VIDEO, 3))).isFalse();
        assertThat(Outbox.awaited(new StageFailed(TASK, Stage.SONG, 2, "SUNO_FAILED", "failed"))).isFalse();
    }
}
