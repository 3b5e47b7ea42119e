package castad.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

class CastadDefaultsTest {

    @Test
    void aServicesOwnFileOverridesTheDefaultsAndTheEnvironmentOverridesBoth() {
        System.setProperty("spring.kafka.consumer.max-poll-records", "3");
        try (var context = new SpringApplicationBuilder(TestService.class).web(WebApplicationType.NONE).run()) {
            Environment environment = context.getEnvironment();

            assertThat(environment.getProperty("spring.application.name")).isEqualTo("castad-defaults-test");
            assertThat(environment.getProperty("spring.datasource.hikari.maximum-pool-size")).isEqualTo("7");
            assertThat(environment.getProperty("spring.flyway.connect-retries")).as("from the defaults").isEqualTo("30");
            assertThat(environment.getProperty("spring.kafka.consumer.max-poll-records")).isEqualTo("3");
        } finally {
            System.clearProperty("spring.kafka.consumer.max-poll-records");
        }
    }

    @Test
    void onOneOrTwoProcessorsTheCommonPoolGetsTwoThreadsUnlessTheJvmWasToldOtherwise() {
        String before = System.getProperty(CastadDefaults.COMMON_POOL);
        try {
            System.clearProperty(CastadDefaults.COMMON_POOL);
            CastadDefaults.widenCommonPool(8);
            assertThat(System.getProperty(CastadDefaults.COMMON_POOL)).as("eight processors: seven threads").isNull();
            CastadDefaults.widenCommonPool(2);
            assertThat(System.getProperty(CastadDefaults.COMMON_POOL)).isEqualTo("2");
            System.setProperty(CastadDefaults.COMMON_POOL, "5");
            CastadDefaults.widenCommonPool(1);
            assertThat(System.getProperty(CastadDefaults.COMMON_POOL)).isEqualTo("5");
        } finally {
            if (before == null) {
                System.clearProperty(CastadDefaults.COMMON_POOL);
            } else {
                System.setProperty(CastadDefaults.COMMON_POOL, before);
            }
        }
    }

    @CastadService("castad-defaults-test")
    @Configuration(proxyBeanMethods = false)
    static class TestService {
    }
}
