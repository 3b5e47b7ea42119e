package castad.gateway.list;

import java.math.BigDecimal;
import java.time.Instant;

/** The latest completed song or video of one task, with where to download it. */
public record CompletedItem(String taskId, String storeName, String region, long id, String resultUrl,
                            BigDecimal durationSeconds, Instant completedAt) {
}
