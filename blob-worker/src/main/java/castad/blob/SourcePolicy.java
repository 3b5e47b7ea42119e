package castad.blob;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which URLs blob-worker may fetch: {@code http} or {@code https}, to a host on the allowlist (exact, or
 * {@code *.domain} for its sub-domains), and never to a link-local or cloud metadata address
 * (169.254.0.0/16, fe80::/10, fd00:ec2::254), whether written literally or resolved from the name. Every
 * redirect is checked again before it is followed.
 */
final class SourcePolicy {

    private static final InetAddress AWS_METADATA_V6 = literal("fd00:ec2::254");

    private final List<String> allowedHosts;
    private final Resolver resolver;

    SourcePolicy(List<String> allowedHosts) {
        this(allowedHosts, InetAddress::getAllByName);
    }

    SourcePolicy(List<String> allowedHosts, Resolver resolver) {
        this.allowedHosts = allowedHosts.stream().map(SourcePolicy::checkedPattern).toList();
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
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw CopyFailure.refused("Only http and https sources are copied, not " + redact(url));
        }
        String host = normalized(url.getHost());
        if (host.isEmpty() || allowedHosts.stream().noneMatch(pattern -> matches(pattern, host))) {
            throw CopyFailure.refused("The host of " + redact(url) + " is not on the allowlist");
        }
        if (Arrays.stream(addressesOf(host)).anyMatch(SourcePolicy::isLinkLocalOrMetadata)) {
            throw CopyFailure.refused("The host of " + redact(url) + " is a link-local or metadata address");
        }
        return url;
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

    private InetAddress[] addressesOf(String host) {
        try {
            return resolver.resolve(host);
        } catch (UnknownHostException e) {
            return new InetAddress[0]; // nothing to connect to: the fetch itself will fail
        }
    }

    private static boolean isLinkLocalOrMetadata(InetAddress address) {
        return address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.equals(AWS_METADATA_V6);
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

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How a host name becomes addresses; {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }
}
