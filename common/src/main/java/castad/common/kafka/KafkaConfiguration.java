package castad.common.kafka;

import castad.common.event.Topics;
import castad.common.tracing.TaskTraceInterceptor;
import castad.common.tracing.TaskTraces;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.CompositeRecordInterceptor;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.util.backoff.ExponentialBackOff;

/** Topics with their dead-letter twins, the error handler that dead-letters, and Kafka's health. */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(KafkaSettings.class)
public class KafkaConfiguration {

    /**
     * What the container does with each record before its listener: records left unread are skipped
     * ({@link UnwantedEvents}), the others carry their task's trace and id into the listener
     * ({@link TaskTraceInterceptor}).
     */
    @Bean
    RecordInterceptor<Object, Object> castadRecordInterceptor(TaskTraces traces) {
        return new CompositeRecordInterceptor<>(new UnwantedEvents(), new TaskTraceInterceptor(traces));
    }

    @Bean
    KafkaAdmin.NewTopics castadTopics(KafkaSettings settings) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .flatMap(topic -> Stream.of(topic, Topics.deadLetter(topic)))
                .map(name -> new NewTopic(name, settings.partitions(), settings.replicationFactor()))
                .toArray(NewTopic[]::new));
    }

    /**
     * Retries a failing record with exponential backoff, then publishes it to {@code <topic>.dlt} with the
     * failure in its headers and moves on. Records that cannot be read at all go there at once; records
     * that failed because the database is down wait for it instead ({@link DatabaseOutages}).
     */
    @Bean
    CommonErrorHandler deadLetteringErrorHandler(KafkaOperations<Object, Object> kafka, KafkaSettings settings) {
        var recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        var backOff = new ExponentialBackOff(settings.retryInterval().toMillis(), 2.0);
        backOff.setMaxAttempts(settings.retryAttempts());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.setBackOffFunction((record, failure) -> DatabaseOutages.backOffFor(failure));
        return handler;
    }

    @Bean(destroyMethod = "close")
    AdminClient castadAdminClient(KafkaAdmin admin) {
        return AdminClient.create(Map.copyOf(admin.getConfigurationProperties()));
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(AdminClient castadAdminClient, KafkaSettings settings) {
        return new KafkaHealthIndicator(castadAdminClient, settings.healthTimeout());
    }
}
