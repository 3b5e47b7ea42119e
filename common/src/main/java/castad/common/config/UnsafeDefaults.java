package castad.common.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;

/**
 * Refuses to start a castad service outside the {@code local} profile while it would run with a secret
 * everybody knows: the development callback secret, Azurite's published account key, or a database
 * without a password. The local stack ({@code ./castad up}) and the tests run with the profile; anything
 * else must set real secrets. Only the names of what is unsafe are reported, never a value.
 */
@AutoConfiguration
@ConditionalOnProperty(CastadDefaults.LOADED)
public class UnsafeDefaults {

    public static final String LOCAL_PROFILE = "local";
    static final String DEVELOPMENT_CALLBACK_SECRET = "local-development-callback-secret";
    static final String AZURITE_ACCOUNT_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    UnsafeDefaults(Environment environment) {
        List<String> unsafe = unsafe(environment);
        if (!unsafe.isEmpty()) {
            throw new IllegalStateException("Refusing to start outside the '" + LOCAL_PROFILE + "' profile with "
                    + String.join("; ", unsafe) + ". Set real secrets, or run with SPRING_PROFILES_ACTIVE="
                    + LOCAL_PROFILE + " on a development machine");
        }
    }

    static List<String> unsafe(Environment environment) {
        List<String> unsafe = new ArrayList<>();
        if (environment.matchesProfiles(LOCAL_PROFILE)) {
            return unsafe;
        }
        if (DEVELOPMENT_CALLBACK_SECRET.equals(environment.getProperty("castad.callbacks.secret"))) {
            unsafe.add("the development callback secret (set CASTAD_CALLBACK_SECRET)");
        }
        if (environment.getProperty("castad.blob.enabled", Boolean.class, false)
                && environment.getProperty("castad.blob.connection-string", "").contains(AZURITE_ACCOUNT_KEY)) {
            unsafe.add("Azurite's published account key (set CASTAD_BLOB_CONNECTION_STRING)");
        }
        if (environment.getProperty("spring.datasource.password", "").isEmpty()) {
            unsafe.add("an empty database password (set CASTAD_DB_PASSWORD)");
        }
        return unsafe;
    }
}
