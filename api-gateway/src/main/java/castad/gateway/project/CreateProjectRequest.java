package castad.gateway.project;

import castad.gateway.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record CreateProjectRequest(
        @NotBlank @Size(max = 200) @PlainText String storeName,
        @NotBlank @Size(max = 200) @PlainText String region,
        @Size(max = 500) @PlainText String address,
        @Size(max = 5000) @PlainText(multiline = true) String description,
        @Pattern(regexp = "ko|en|ja|zh", message = "must be one of ko, en, ja, zh") String language) {

    static final String DEFAULT_LANGUAGE = "ko";

    String languageOrDefault() {
        return language == null ? DEFAULT_LANGUAGE : language;
    }
}
