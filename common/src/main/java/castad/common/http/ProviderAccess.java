package castad.common.http;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.web.client.RestClient;

/**
 * Where a provider is reached and with which key. With a key configured, castad calls the real service
 * (or {@code baseUrl} when set); without one it calls its simulator with a placeholder key, so that a fresh
 * machine runs the whole pipeline without secrets.
 */
public record ProviderAccess(String baseUrl, String apiKey, boolean simulated) {

    private static final String SIMULATOR_KEY = "simulator";

    public static ProviderAccess resolve(String apiKey, String baseUrl, String realUrl, String simulatorUrl) {
        boolean hasKey = apiKey != null && !apiKey.isBlank();
        boolean hasUrl = baseUrl != null && !baseUrl.isBlank();
        String url = hasUrl ? baseUrl : hasKey ? realUrl : simulatorUrl;
        return new ProviderAccess(url, hasKey ? apiKey : SIMULATOR_KEY, !hasKey);
    }

    /** The provider's one pooled client. */
    public RestClient restClient(HttpClientSettings settings, ObservationRegistry observations) {
        return ProviderHttpClients.create(baseUrl, apiKey, settings, observations);
    }

    @Override
    public String toString() {
        return baseUrl + (simulated ? " (simulator)" : " (key set)");
    }
}
