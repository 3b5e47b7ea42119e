package castad.common.callback;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where providers send their webhooks (the gateway's public URL) and the secret token that proves a
 * webhook came through a URL we handed out. Workers build the URLs, the gateway checks the token.
 *
 * @param baseUrl the gateway as the providers reach it ({@code CASTAD_CALLBACK_BASE_URL})
 * @param token   {@code CASTAD_CALLBACK_TOKEN}; never logged
 */
@Validated
@ConfigurationProperties("castad.callbacks")
public record CallbackSettings(@NotBlank String baseUrl, @NotBlank @Size(min = 16) String token) {

    public String sunoUrl(long songId) {
        return url("suno", songId);
    }

    public String creatomateUrl(long videoId) {
        return url("creatomate", videoId);
    }

    private String url(String provider, long stageId) {
        return baseUrl.replaceAll("/+$", "") + "/api/v1/callbacks/" + provider + "?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&ref=" + stageId;
    }

    @Override
    public String toString() {
        return "CallbackSettings[baseUrl=" + baseUrl + ", token=<secret>]";
    }
}
