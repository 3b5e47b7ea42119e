package castad.gateway.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI castadApi() {
        return new OpenAPI().info(new Info().title("castad API").version("v1").description(
                "Store details and photos in, an advertising video with an original song out. Errors are "
                        + "application/problem+json (RFC 9457)."));
    }
}
