package castad.common.blob;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A blob's container and name, read back from the plain URL {@link BlobStore#url} made, by removing the
 * store's own account URL. Azure's {@code BlobUrlParts} reads any URL as some account, container and name
 * (guessing from the host whether the account is in the path), so a URL of another account or host would be
 * signed with castad's key into a link that does not work; here it is not read at all.
 */
public record BlobLocation(String container, String name) {

    /** Where {@code url} points in the account at {@code accountUrl}; empty for any other URL. */
    public static Optional<BlobLocation> in(String accountUrl, String url) {
        String prefix = accountUrl.endsWith("/") ? accountUrl : accountUrl + "/";
        if (url == null || !url.startsWith(prefix)) {
            return Optional.empty();
        }
        // the SDK writes "//" after an account URL that has a port but no account in its path
        String path = url.substring(prefix.length()).replaceFirst("^/+", "");
        int query = path.indexOf('?');
        path = query < 0 ? path : path.substring(0, query);
        int slash = path.indexOf('/');
        if (slash <= 0 || slash == path.length() - 1) {
            return Optional.empty();
        }
        // the SDK encodes a name whole ('/' as %2F, ' ' as %20, '+' as %2B), so decoding gives it back
        return Optional.of(new BlobLocation(path.substring(0, slash),
                URLDecoder.decode(path.substring(slash + 1), StandardCharsets.UTF_8)));
    }
}
