package castad.simulators.media;

import castad.simulators.fault.ProviderChaos;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

    /** Downloads only slow down or drop: they have no error or rate-limit answers. */
    @Bean
    ProviderChaos mediaChaos(MediaFaults faults) {
        return new ProviderChaos("media", faults.chaos(), true);
    }
}
