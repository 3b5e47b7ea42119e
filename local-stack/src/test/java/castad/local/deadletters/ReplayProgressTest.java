package castad.local.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;

class ReplayProgressTest {

    @Test
    void withoutACommittedOffsetNothingIsReplayed() {
        assertThat(ReplayProgress.of(null).replayed(0)).isFalse();
        assertThat(ReplayProgress.of(null).next()).isZero();
    }

    @Test
    void aReplayOfEverythingMovesTheOffsetToTheEndAndRemembersNothingElse() {
        ReplayProgress after = ReplayProgress.NONE.after(List.of(0L, 1L, 2L), List.of(), 3);

        assertThat(after.toCommit()).isEqualTo(new OffsetAndMetadata(3, ""));
    }

    @Test
    void aTasksReplayStopsTheOffsetAtTheFirstOtherTaskAndListsWhatItSentBeyond() {
        ReplayProgress after = ReplayProgress.NONE.after(List.of(1L, 3L, 4L, 5L, 9L), List.of(0L, 2L, 6L), 10);

        assertThat(after.toCommit()).isEqualTo(new OffsetAndMetadata(0, "v1:1,3-5,9"));
        ReplayProgress read = ReplayProgress.of(after.toCommit());
        assertThat(read).isEqualTo(after);
        assertThat(List.of(0L, 1L, 2L, 3L, 6L, 9L, 10L)).map(read::replayed)
                .containsExactly(false, true, false, true, false, true, false);
    }

    @Test
    void aLaterReplayOfTheOthersMovesTheOffsetPastWhatWasSentAhead() {
        ReplayProgress tasks = ReplayProgress.NONE.after(List.of(1L, 3L), List.of(0L, 2L, 4L), 5);

        ReplayProgress rest = tasks.after(List.of(0L, 2L), List.of(4L), 5);

        assertThat(rest.toCommit()).isEqualTo(new OffsetAndMetadata(4, ""));
        assertThat(rest.after(List.of(4L, 5L), List.of(), 6).toCommit()).isEqualTo(new OffsetAndMetadata(6, ""));
    }

    @Test
    void aRunThatReadNothingKeepsTheProgress() {
        ReplayProgress progress = new ReplayProgress(7, new TreeSet<>(List.of(9L)));

        assertThat(progress.after(List.of(), List.of(), 7)).isEqualTo(progress);
    }

    @Test
    void metadataThatIsNotOursCountsForNothingButTheOffset() {
        ReplayProgress progress = ReplayProgress.of(new OffsetAndMetadata(4, "written by someone else"));

        assertThat(progress).isEqualTo(new ReplayProgress(4, new TreeSet<>()));
    }

    @Test
    void theMetadataStaysWithinKafkasLimit() {
        ReplayProgress progress = new ReplayProgress(0, new TreeSet<>());
        List<Long> ahead = java.util.stream.LongStream.range(1, 2000).map(i -> i * 2).boxed().toList();

        assertThat(progress.fitsAhead(10, List.of(2L, 4L))).isTrue();
        assertThat(progress.fitsAhead(5000, ahead)).isFalse();
    }
}
