package castad.common.stage;

import castad.common.callback.CallbackSettings;
import castad.common.outbox.Outbox;
import castad.common.outbox.OutboxConfiguration;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

@AutoConfiguration(after = OutboxConfiguration.class)
@EnableConfigurationProperties(CallbackSettings.class)
public class StageConfiguration {

    @Bean
    PipelineOutcomes pipelineOutcomes(JdbcClient jdbc, Outbox outbox, Clock clock) {
        return new PipelineOutcomes(jdbc, outbox, clock);
    }

    @Bean
    NextStages nextStages(JdbcClient jdbc, Outbox outbox, Clock clock) {
        return new NextStages(jdbc, outbox, clock);
    }
}
