package castad.common.db;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * An instant as the parameter of a {@code DATETIME(6)} column: its UTC wall-clock time, which is what a
 * {@code java.sql.Timestamp} of it reads back as in every castad JVM (they run in UTC: CastadDefaults).
 * MariaDB's driver writes a {@code LocalDateTime} with a shared formatter; a {@code Timestamp} costs it a new
 * {@code SimpleDateFormat} per parameter (W1's profile: 6% of video-worker's CPU, about ten per pipeline).
 */
public final class SqlTime {

    private SqlTime() {
    }

    public static LocalDateTime of(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
