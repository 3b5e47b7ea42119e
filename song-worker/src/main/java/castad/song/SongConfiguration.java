package castad.song;

import castad.common.event.Stage;
import castad.common.http.CommandIntake;
import castad.common.http.ProviderGuard;
import castad.common.stage.StagePoller;
import castad.common.stage.WaitingStageStore;
import castad.common.stage.WaitingStages;
import castad.song.suno.SunoClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SongConfiguration {

    /** The song rows; how they are claimed, waited for and polled is {@code castad.song.*}. */
    @Bean
    WaitingStageStore songRows(WaitingStages stages) {
        return stages.rows(Stage.SONG);
    }

    /** Polls songs whose callback is late, fails those past their deadline, drives abandoned and stale songs. */
    @Bean
    StagePoller songPoller(WaitingStageStore songRows, SunoClient suno, ProviderGuard sunoGuard, SunoReports reports,
                           SingingSongs singing) {
        return new StagePoller(songRows, sunoGuard, target -> reports.apply(target.taskId(), target.stageId(),
                suno.progress(target.externalId())), singing::sing);
    }

    /** Song commands wait in Kafka while Suno's circuit is open. */
    @Bean
    CommandIntake songIntake(ProviderGuard sunoGuard, KafkaListenerEndpointRegistry listeners, MeterRegistry meters) {
        return new CommandIntake(sunoGuard, listeners, SingingSongs.LISTENER_ID, meters);
    }
}
