package castad.gateway.security;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One API key as the configuration holds it: a name (in logs, metrics and as the owner of what it creates),
 * the SHA-256 of the key (never the key itself) and a role. Written {@code name:sha256hex[:role]}, so that a
 * list of keys fits one environment variable ({@code CASTAD_API_KEYS=web:3f0c...,ops:9ab1...:admin}).
 */
public record ApiKey(String name, String sha256, Role role) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public enum Role { USER, ADMIN }

    public ApiKey {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("An API key's name must be 1 to 64 of A-Z a-z 0-9 . _ - (got '"
                    + name + "')");
        }
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("API key '" + name + "': the SHA-256 of the key, as 64 lower-case"
                    + " hex digits, is expected after the name (the key itself is never configured)");
        }
    }

    /** {@code name:sha256hex} or {@code name:sha256hex:user|admin}. */
    public static ApiKey parse(String entry) {
        String[] parts = entry.strip().split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("An API key entry is name:sha256hex[:user|admin], not '"
                    + (parts.length > 0 ? parts[0] : "") + ":...'");
        }
        Role role = parts.length == 3 ? role(parts[0], parts[2]) : Role.USER;
        return new ApiKey(parts[0], parts[1].toLowerCase(Locale.ROOT), role);
    }

    private static Role role(String name, String role) {
        try {
            return Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("API key '" + name + "': role must be user or admin, not '" + role + "'");
        }
    }

    Caller caller() {
        return new Caller(name, role == Role.ADMIN);
    }
}
