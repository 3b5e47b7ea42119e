package castad.common.config;

import jakarta.validation.Validation;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.core.env.Environment;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Binds a configuration record under a prefix chosen at run time, with its {@code @DefaultValue}s and validated as
 * {@code @ConfigurationProperties} are: for the records that several stages or providers share (each under its own
 * prefix), which a {@code @ConfigurationProperties} type cannot be, its prefix being fixed. An invalid value fails
 * the start, naming the property.
 */
public final class ConfiguredRecords {

    private ConfiguredRecords() {
    }

    public static <T> T bind(Environment environment, String prefix, Class<T> type) {
        return Binder.get(environment).bindOrCreate(prefix, Bindable.of(type),
                new ValidationBindHandler(Validator.INSTANCE));
    }

    /** Made once, when first needed: building a validator factory costs tens of milliseconds per bind. */
    private static final class Validator {
        static final SpringValidatorAdapter INSTANCE =
                new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator());
    }
}
