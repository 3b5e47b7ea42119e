package castad.common.tracing;

import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** One trace per pipeline: the task's trace on every event ({@link TaskTraces}), its task id on every log line. */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
public class TracingConfiguration {

    @Bean
    TaskTraces taskTraces(ObjectProvider<Tracer> tracer) {
        return new TaskTraces(tracer);
    }
}
