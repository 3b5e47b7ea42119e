package castad.common.stage;

import castad.common.callback.CallbackSettings;
import castad.common.kafka.EventBatches;
import castad.common.outbox.Outbox;
import castad.common.outbox.OutboxConfiguration;
import castad.common.tracing.TaskTraces;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@AutoConfiguration(after = OutboxConfiguration.class)
@EnableConfigurationProperties(CallbackSettings.class)
public class StageConfiguration {

    @Bean
    PipelineOutcomes pipelineOutcomes(JdbcClient jdbc, Outbox outbox, Clock clock) {
        return new PipelineOutcomes(jdbc, outbox, clock);
    }

    /** For the workers' batch listeners of the timeline and the callbacks. */
    @Bean
    EventBatches eventBatches(TransactionTemplate transactions, TaskTraces traces) {
        return new EventBatches(transactions, traces);
    }

    /** For song-worker and video-worker: their stage's rows. */
    @Bean
    WaitingStages waitingStages(JdbcClient jdbc, TransactionTemplate transactions, Outbox outbox,
                                PipelineOutcomes pipelines, Clock clock, Environment environment) {
        return new WaitingStages(jdbc, transactions, outbox, pipelines, clock, environment);
    }

    @Bean
    NextStages nextStages(JdbcClient jdbc, Outbox outbox, Clock clock) {
        return new NextStages(jdbc, outbox, clock);
    }
}
