package castad.gateway.security;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Reads {@code name:sha256hex[:role]} entries of {@code castad.security.api-keys}. */
@Component
@ConfigurationPropertiesBinding
class ApiKeyConverter implements Converter<String, ApiKey> {

    @Override
    public ApiKey convert(String entry) {
        return ApiKey.parse(entry);
    }
}
