package castad.gateway.image;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/** A photo of a project, stored in Blob; {@code sortOrder} (1, 2, ...) is its place in the video. */
public record Image(@Id Long id, long projectId, int sortOrder, String blobContainer, String blobName,
                    String blobUrl, String originalName, String contentType, long sizeBytes, Instant createdAt) {
}
