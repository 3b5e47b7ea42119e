package castad.video;

import castad.common.event.Stage;
import castad.common.http.CommandIntake;
import castad.common.http.ProviderGuard;
import castad.common.http.ProviderGuards;
import castad.common.http.ProviderSettings;
import castad.common.stage.StagePoller;
import castad.common.stage.WaitingStageStore;
import castad.common.stage.WaitingStages;
import castad.video.creatomate.CreatomateClient;
import castad.video.creatomate.CreatomateSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@Import(ProviderGuards.class)
class VideoConfiguration {

    /** The video rows; how they are claimed, waited for and polled is {@code castad.video.*}. */
    @Bean
    WaitingStageStore videoRows(WaitingStages stages) {
        return stages.rows(Stage.VIDEO);
    }

    /** Every call to Creatomate, bounded by {@code castad.creatomate.*} ({@link ProviderSettings}). */
    @Bean
    ProviderGuard creatomateGuard(Environment environment, ProviderGuards guards) {
        return guards.guard(environment, "creatomate", CreatomateSettings.PUBLISHED);
    }

    /** Polls renders whose webhook is late, fails those past their deadline, drives abandoned and stale videos. */
    @Bean
    StagePoller videoPoller(WaitingStageStore videoRows, CreatomateClient creatomateClient,
                            ProviderGuard creatomateGuard, CreatomateReports reports, RenderingVideos rendering) {
        return new StagePoller(videoRows, creatomateGuard, target -> reports.apply(
                target.taskId(), target.stageId(), creatomateClient.progress(target.externalId())), rendering::render);
    }

    /** Video commands wait in Kafka while Creatomate's circuit is open. */
    @Bean
    CommandIntake videoIntake(ProviderGuard creatomateGuard, KafkaListenerEndpointRegistry listeners,
                              MeterRegistry meters) {
        return new CommandIntake(creatomateGuard, listeners, RenderingVideos.LISTENER_ID, meters);
    }
}
