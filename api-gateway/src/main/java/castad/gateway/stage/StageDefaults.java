package castad.gateway.stage;

import castad.gateway.project.Project;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What a song or video is made with when the client does not say.
 *
 * @param songStyle  Suno's style tags
 * @param templateId the Creatomate template
 */
@Validated
@ConfigurationProperties("castad.stages")
public record StageDefaults(
        @DefaultValue("upbeat pop, catchy jingle, bright vocals") @NotBlank String songStyle,
        @DefaultValue("castad-default") @NotBlank String templateId) {

    private static final int SUNO_TITLE_LIMIT = 80;

    public String style(String requested) {
        return blank(requested) ? songStyle : requested.strip();
    }

    public String title(String requested, Project project) {
        String title = blank(requested) ? project.storeName() : requested.strip();
        return title.length() <= SUNO_TITLE_LIMIT ? title : title.substring(0, SUNO_TITLE_LIMIT);
    }

    public String templateId(String requested) {
        return blank(requested) ? templateId : requested.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
