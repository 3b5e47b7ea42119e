package castad.video;

import static org.assertj.core.api.Assertions.assertThat;

import castad.common.stage.WaitingStageSettings;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** video-worker's own settings, as its video-worker.yml gives them. */
class VideoSettingsTest {

    @Test
    void aRenderIsFirstPolledAndPolledAgainAfter15sNotASongs30s() throws IOException {
        var environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("video-worker.yml", new ClassPathResource("video-worker.yml"))
                .forEach(environment.getPropertySources()::addLast);

        var settings = WaitingStageSettings.of(environment, "castad.video");

        assertThat(settings.firstPoll()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.deadline()).isEqualTo(Duration.ofMinutes(10));
    }
}
