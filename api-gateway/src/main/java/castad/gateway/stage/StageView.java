package castad.gateway.stage;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A song or video attempt; {@code providerId} is Suno's task or Creatomate's render id once submitted, and
 * {@code resultUrl} downloads the Blob copy as it is once completed.
 */
public record StageView(long id, String status, String providerId, String resultUrl, BigDecimal durationSeconds, String errorCode,
                        String errorMessage, Instant createdAt, Instant updatedAt, Instant startedAt,
                        Instant completedAt) {
}
