package castad.lyric;

import castad.common.http.CommandIntake;
import castad.common.http.ProviderGuard;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/** Lyric commands wait in Kafka while OpenAI's circuit is open. */
@Configuration(proxyBeanMethods = false)
class LyricIntakeConfiguration {

    @Bean
    CommandIntake lyricIntake(ProviderGuard openAiGuard, KafkaListenerEndpointRegistry listeners,
                              MeterRegistry meters) {
        return new CommandIntake(openAiGuard, listeners, WritingLyrics.LISTENER_ID, meters);
    }
}
