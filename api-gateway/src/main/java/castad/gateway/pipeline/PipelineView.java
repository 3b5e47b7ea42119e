package castad.gateway.pipeline;

import java.time.Instant;

public record PipelineView(long id, String status, String errorCode, String errorMessage, Instant createdAt,
                           Instant updatedAt, Instant completedAt) {
}
