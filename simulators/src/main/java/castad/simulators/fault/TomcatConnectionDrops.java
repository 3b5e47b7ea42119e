package castad.simulators.fault;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Installs {@link DropConnectionValve} in the embedded Tomcat, so chaos can drop connections. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.apache.catalina.valves.ValveBase")
class TomcatConnectionDrops {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> dropConnectionValve() {
        return factory -> factory.addContextValves(new DropConnectionValve());
    }
}
