package castad.song.suno;

import castad.common.http.ProviderGuard;
import castad.common.http.ProviderGuards;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@Configuration(proxyBeanMethods = false)
@Import(ProviderGuards.class)
class SunoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SunoConfiguration.class);

    @Bean
    ProviderGuard sunoGuard(SunoSettings settings, ProviderGuards guards) {
        log.info("Songs come from {}", settings);
        return guards.guard("suno", settings);
    }

    @Bean
    SunoClient sunoClient(SunoSettings settings, ProviderGuard sunoGuard, ObservationRegistry observations) {
        return new SunoClient(settings, sunoGuard, observations);
    }
}
