package castad.common.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.mock.env.MockEnvironment;

class WaitingStageSettingsTest {

    @Test
    void aWorkerWithoutSettingsGetsTheDefaults() {
        var settings = WaitingStageSettings.of(new MockEnvironment(), "castad.song");

        assertThat(settings).isEqualTo(new WaitingStageSettings(Duration.ofMinutes(1), Duration.ofMinutes(10),
                Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(1), 20, Duration.ofMinutes(1)));
    }

    @Test
    void eachWorkerReadsOnlyItsOwnPrefix() {
        var environment = new MockEnvironment().withProperty("castad.video.first-poll", "15s")
                .withProperty("castad.video.poll-batch", "5").withProperty("castad.song.deadline", "20m");

        var video = WaitingStageSettings.of(environment, "castad.video");
        var song = WaitingStageSettings.of(environment, "castad.song");

        assertThat(video.firstPoll()).isEqualTo(Duration.ofSeconds(15));
        assertThat(video.pollBatch()).isEqualTo(5);
        assertThat(video.deadline()).isEqualTo(Duration.ofMinutes(10));
        assertThat(song.deadline()).isEqualTo(Duration.ofMinutes(20));
        assertThat(song.firstPoll()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void anInvalidSettingFailsTheStartNamingTheProperty() {
        var environment = new MockEnvironment().withProperty("castad.video.poll-batch", "0");

        assertThatThrownBy(() -> WaitingStageSettings.of(environment, "castad.video"))
                .isInstanceOf(BindException.class)
                .hasMessageContaining("castad.video")
                .rootCause().hasMessageContaining("pollBatch").hasMessageContaining("must be greater than or equal to 1");
    }
}
