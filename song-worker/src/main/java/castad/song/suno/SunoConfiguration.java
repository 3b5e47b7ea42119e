package castad.song.suno;

import castad.common.http.ProviderGuard;
import castad.common.http.ProviderGuards;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@Import(ProviderGuards.class)
class SunoConfiguration {

    /** Every call to Suno, bounded by {@code castad.suno.*} ({@link castad.common.http.ProviderSettings}). */
    @Bean
    ProviderGuard sunoGuard(Environment environment, ProviderGuards guards) {
        return guards.guard(environment, "suno", SunoSettings.PUBLISHED);
    }
}
