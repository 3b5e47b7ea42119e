package castad.gateway.lyric;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * One attempt at a project's lyrics. The gateway only creates it ({@code pending}); lyric-worker claims,
 * fills and finishes it.
 */
public record Lyric(@Id Long id, long projectId, Long pipelineId, String status, String instructions, String lyricText,
                    String externalId, String errorCode, String errorMessage, Instant createdAt, Instant updatedAt,
                    Instant startedAt, Instant completedAt) {

    static final String PENDING = "pending";

    public static Lyric pending(long projectId, Long pipelineId, String instructions, Instant now) {
        return new Lyric(null, projectId, pipelineId, PENDING, instructions, null, null, null, null, now, now, null, null);
    }
}
