package castad.gateway.view;

import java.math.BigDecimal;
import java.time.Instant;

/** The latest song or video attempt; {@code resultUrl} is the Blob copy once completed. */
public record StageView(long id, String status, String resultUrl, BigDecimal durationSeconds, String errorCode,
                        String errorMessage, Instant createdAt, Instant updatedAt, Instant startedAt,
                        Instant completedAt) {
}
