package castad.blob;

import java.net.InetAddress;
import org.apache.hc.client5.http.DnsResolver;

/** The HTTP client's resolver: a host's addresses as the policy checked them, or the policy's refusal. */
final class CheckedDns implements DnsResolver {

    private final SourcePolicy policy;

    CheckedDns(SourcePolicy policy) {
        this.policy = policy;
    }

    @Override
    public InetAddress[] resolve(String host) {
        return policy.addressesOf(host);
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host; // only Kerberos/SPNEGO asks for it, which no source uses
    }
}
