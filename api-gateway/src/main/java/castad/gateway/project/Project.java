package castad.gateway.project;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;

/** A store to advertise; {@code taskId} is its public id, {@code owner} the API key that created it. */
public record Project(@Id Long id, String taskId, String owner, String storeName, String region, String address,
                      String description, String language, String templateId, Instant createdAt,
                      Instant updatedAt) {

    static Project create(String owner, CreateProjectRequest request, Instant now) {
        return new Project(null, UUID.randomUUID().toString(), owner, request.storeName().strip(),
                request.region().strip(), blankToNull(request.address()), blankToNull(request.description()),
                request.languageOrDefault(), null, now, now);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
