package castad.video;

import castad.common.event.Stage;
import castad.common.http.ProviderRetries;
import castad.common.outbox.Outbox;
import castad.common.stage.PipelineOutcomes;
import castad.common.stage.WaitingStageStore;
import castad.video.creatomate.CreatomateClient;
import castad.video.creatomate.CreatomateSettings;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class VideoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(VideoConfiguration.class);

    @Bean
    WaitingStageStore videos(JdbcClient jdbc, TransactionTemplate transactions, Outbox outbox,
                             PipelineOutcomes pipelines, Clock clock) {
        return new WaitingStageStore(Stage.VIDEO, jdbc, transactions, outbox, pipelines, clock);
    }

    @Bean
    CreatomateClient creatomateClient(CreatomateSettings settings, RetryRegistry registry) {
        log.info("Videos come from {}", settings);
        return new CreatomateClient(settings, registry.retry("creatomate", ProviderRetries.config(settings.retry())));
    }

    /** Renders started again after a claimant died between Creatomate accepting and us storing the render id. */
    @Bean
    Counter creatomateResubmissions(MeterRegistry meters) {
        return Counter.builder("castad.provider.resubmissions").tag("provider", "creatomate")
                .description("Paid submissions repeated after a lease expired before the provider's id was stored")
                .register(meters);
    }
}
