package castad.blob;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which URLs blob-worker may fetch: https (http only where allowed, i.e. for the local stack's simulators), to
 * a host on the allow-list (exact, or {@code *.domain} for its sub-domains), at an address {@link AddressRules}
 * permits. The URL is checked before anything is sent ({@link #check}); the addresses when the connection is
 * made ({@link #addressesOf}), by the connection's own resolver, so that the socket goes to an address that was
 * checked and a name cannot answer differently between the check and the connect. Every redirect is checked
 * again, and one from https to http is refused.
 */
final class SourcePolicy {

    private final List<String> allowedHosts;
    private final AddressRules addresses;
    private final boolean allowHttp;
    private final Resolver resolver;

    SourcePolicy(BlobCopySettings settings) {
        this(settings, InetAddress::getAllByName);
    }

    SourcePolicy(BlobCopySettings settings, Resolver resolver) {
        this.allowedHosts = settings.allowedHosts().stream().map(SourcePolicy::checkedPattern).toList();
        this.addresses = new AddressRules(settings.allowedAddresses());
        this.allowHttp = settings.allowHttp();
        this.resolver = resolver;
    }

    URI check(String url) {
        try {
            return check(new URI(url));
        } catch (URISyntaxException e) {
            throw CopyFailure.refused("Not a valid URL: " + redact(url));
        }
    }

    /** The URL itself when it may be fetched; otherwise a {@code BLOB_SOURCE_REFUSED} failure. */
    URI check(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw CopyFailure.refused("Only " + (allowHttp ? "http and https" : "https") + " sources are copied, not "
                    + redact(url));
        }
        String host = normalized(url.getHost());
        if (host.isEmpty() || url.getRawUserInfo() != null
                || allowedHosts.stream().noneMatch(pattern -> matches(pattern, host))) {
            throw CopyFailure.refused("The host of " + redact(url) + " is not on the allowlist");
        }
        if (isLiteral(host)) {
            addressesOf(host);
        }
        return url;
    }

    /** The next hop of a redirect from {@code current}: checked as a source, and never from https down to http. */
    URI checkRedirect(URI current, URI next) {
        if ("https".equalsIgnoreCase(current.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
            throw CopyFailure.refused(redact(current) + " redirected to " + redact(next) + ", down from https");
        }
        return check(next);
    }

    /**
     * What a connection to {@code host} may use: its addresses, resolved once, when every one of them is
     * permitted (a name with one private address among public ones is refused whole, so that no retry or
     * fallback of the connection can reach it).
     */
    InetAddress[] addressesOf(String host) {
        InetAddress[] resolved;
        try {
            resolved = resolver.resolve(normalized(host));
        } catch (UnknownHostException e) {
            throw CopyFailure.unavailable("The source host " + host + " is not known");
        }
        InetAddress[] refused = Arrays.stream(resolved).filter(address -> !addresses.permits(address))
                .toArray(InetAddress[]::new);
        if (resolved.length == 0) {
            throw CopyFailure.unavailable("The source host " + host + " has no address");
        }
        if (refused.length > 0) {
            throw CopyFailure.refused("The source host " + host + " is at a private, loopback, link-local or"
                    + " metadata address (" + refused[0].getHostAddress() + "), which castad does not download from");
        }
        return resolved;
    }

    /** The URL without its query and user info, which may carry a signature or credentials: fit for logs. */
    static String redact(String url) {
        try {
            return redact(new URI(url));
        } catch (URISyntaxException e) {
            return "<unparseable URL>";
        }
    }

    static String redact(URI url) {
        String host = url.getHost() == null ? "" : url.getHost();
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return url.getScheme() + "://" + host + port + path;
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    private static boolean matches(String pattern, String host) {
        return pattern.startsWith("*.") ? host.endsWith(pattern.substring(1)) : host.equals(pattern);
    }

    private static String checkedPattern(String pattern) {
        String normalized = normalized(pattern);
        String rest = normalized.startsWith("*.") ? normalized.substring(2) : normalized;
        if (rest.isEmpty() || rest.contains("*") || (normalized.startsWith("*.") && !rest.contains("."))) {
            throw new IllegalArgumentException("castad.blob-copy.allowed-hosts: '" + pattern
                    + "' must be a host or *.domain.tld (a sub-domain wildcard of a registered domain)");
        }
        return normalized;
    }

    /** Lower case, without the trailing dot of a fully qualified name or the brackets of an IPv6 literal. */
    private static String normalized(String host) {
        if (host == null) {
            return "";
        }
        String lower = host.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("[") && lower.endsWith("]")) {
            lower = lower.substring(1, lower.length() - 1);
        }
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** How a host name becomes addresses; {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }
}
