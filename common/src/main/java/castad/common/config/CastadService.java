package castad.common.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a castad service on its application class. The service reads its configuration from
 * {@code <name>.yml} (not {@code application.yml}), so that several services can run in one JVM, as the
 * end-to-end tests do, each with its own settings; the name is also {@code spring.application.name}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface CastadService {

    String value();
}
