package castad.simulators.callback;

import java.net.URI;
import java.net.URISyntaxException;

/** Which callback URLs a simulated provider accepts: absolute http(s) URLs with a host. */
public final class CallbackUrls {

    private CallbackUrls() {
    }

    public static boolean isHttp(String url) {
        try {
            var uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
