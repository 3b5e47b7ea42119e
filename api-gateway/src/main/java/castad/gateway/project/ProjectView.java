package castad.gateway.project;

import java.time.Instant;

public record ProjectView(String taskId, String storeName, String region, String address, String description,
                          String language, String templateId, Instant createdAt, Instant updatedAt) {

    public static ProjectView of(Project project) {
        return new ProjectView(project.taskId(), project.storeName(), project.region(), project.address(),
                project.description(), project.language(), project.templateId(), project.createdAt(),
                project.updatedAt());
    }
}
