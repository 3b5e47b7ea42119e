package castad.gateway.project;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record CreateProjectRequest(
        @NotBlank @Size(max = 200) String storeName,
        @NotBlank @Size(max = 200) String region,
        @Size(max = 500) String address,
        @Size(max = 5000) String description,
        @Pattern(regexp = "ko|en|ja|zh", message = "must be one of ko, en, ja, zh") String language) {

    static final String DEFAULT_LANGUAGE = "ko";

    String languageOrDefault() {
        return language == null ? DEFAULT_LANGUAGE : language;
    }
}
