package castad.song;

import castad.common.event.Stage;
import castad.common.http.CommandIntake;
import castad.common.http.ProviderGuard;
import castad.common.outbox.Outbox;
import castad.common.stage.PipelineOutcomes;
import castad.common.stage.StagePoller;
import castad.common.stage.WaitingStageStore;
import castad.song.suno.SunoClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SongConfiguration {

    @Bean
    WaitingStageStore songRows(JdbcClient jdbc, TransactionTemplate transactions, Outbox outbox,
                               PipelineOutcomes pipelines, Clock clock) {
        return new WaitingStageStore(Stage.SONG, jdbc, transactions, outbox, pipelines, clock);
    }

    /** Polls songs whose callback is late, fails those past their deadline, drives abandoned and stale songs. */
    @Bean
    StagePoller songPoller(WaitingStageStore songRows, SunoClient suno, ProviderGuard sunoGuard, SunoReports reports,
                           SingingSongs singing, SongSettings settings) {
        return new StagePoller(Stage.SONG, songRows, sunoGuard, settings, target -> reports.apply(target.taskId(),
                target.stageId(), suno.progress(target.externalId())), singing::sing);
    }

    /** Song commands wait in Kafka while Suno's circuit is open. */
    @Bean
    CommandIntake songIntake(ProviderGuard sunoGuard, KafkaListenerEndpointRegistry listeners, MeterRegistry meters) {
        return new CommandIntake(sunoGuard, listeners, SingingSongs.LISTENER_ID, meters);
    }
}
