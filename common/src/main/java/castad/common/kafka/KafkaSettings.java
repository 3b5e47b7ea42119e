package castad.common.kafka;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How castad's topics are laid out and how a failing record is retried before it is dead-lettered.
 *
 * @param partitions       partitions per topic: the most consumer instances one stage can use
 * @param replicationFactor 1 locally; 3 in production
 * @param retryInterval    first wait before a failed record is tried again (doubles each time)
 * @param retryAttempts    attempts after the first before the record goes to {@code <topic>.dlt}
 * @param healthTimeout    how long the readiness check waits for the cluster to answer
 */
@Validated
@ConfigurationProperties("castad.kafka")
public record KafkaSettings(
        @DefaultValue("6") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicationFactor,
        @DefaultValue("500ms") @NotNull Duration retryInterval,
        @DefaultValue("4") @Min(0) int retryAttempts,
        @DefaultValue("3s") @NotNull Duration healthTimeout) {
}
