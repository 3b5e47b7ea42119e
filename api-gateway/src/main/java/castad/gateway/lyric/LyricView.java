package castad.gateway.lyric;

import java.time.Instant;

public record LyricView(long id, String status, String text, String errorCode, String errorMessage,
                        Instant createdAt, Instant updatedAt, Instant startedAt, Instant completedAt) {

    public static LyricView of(Lyric lyric) {
        return new LyricView(lyric.id(), lyric.status(), lyric.lyricText(), lyric.errorCode(), lyric.errorMessage(),
                lyric.createdAt(), lyric.updatedAt(), lyric.startedAt(), lyric.completedAt());
    }
}
