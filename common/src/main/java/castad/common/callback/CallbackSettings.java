package castad.common.callback;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where providers send their webhooks (the gateway's public URL) and the secret that signs them. Each URL
 * carries a token of its own, the HMAC-SHA256 of its provider and stage row under the secret: a token
 * authorizes webhooks about that one song or video, never about another stage or row, and the secret itself
 * never leaves castad. Workers build the URLs, the gateway checks the token.
 *
 * @param baseUrl the gateway as the providers reach it ({@code CASTAD_CALLBACK_BASE_URL})
 * @param secret  {@code CASTAD_CALLBACK_SECRET}; never logged
 */
@Validated
@ConfigurationProperties("castad.callbacks")
public record CallbackSettings(@NotBlank String baseUrl, @NotBlank @Size(min = 16) String secret) {

    public static final String SUNO = "suno";
    public static final String CREATOMATE = "creatomate";
    private static final String HMAC = "HmacSHA256";

    public String sunoUrl(long songId) {
        return url(SUNO, songId);
    }

    public String creatomateUrl(long videoId) {
        return url(CREATOMATE, videoId);
    }

    /** Whether {@code token} is the one handed out for this provider's webhooks about this row (constant time). */
    public boolean accepts(String provider, long ref, String token) {
        return MessageDigest.isEqual(token(provider, ref).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    String token(String provider, long ref) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            byte[] signature = mac.doFinal((provider + ":" + ref).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(HMAC + " is part of every JDK", e);
        }
    }

    private String url(String provider, long ref) {
        return baseUrl.replaceAll("/+$", "") + "/api/v1/callbacks/" + provider + "?ref=" + ref
                + "&token=" + token(provider, ref);
    }

    @Override
    public String toString() {
        return "CallbackSettings[baseUrl=" + baseUrl + ", secret=<secret>]";
    }
}
