package castad.gateway.lyric;

import java.time.Instant;

/** A lyric attempt; {@code providerId} is the id of OpenAI's answer once there is one. */
public record LyricView(long id, String status, String text, String providerId, String errorCode,
                        String errorMessage, Instant createdAt, Instant updatedAt, Instant startedAt,
                        Instant completedAt) {

    public static LyricView of(Lyric lyric) {
        return new LyricView(lyric.id(), lyric.status(), lyric.lyricText(), lyric.externalId(), lyric.errorCode(),
                lyric.errorMessage(), lyric.createdAt(), lyric.updatedAt(), lyric.startedAt(), lyric.completedAt());
    }
}
