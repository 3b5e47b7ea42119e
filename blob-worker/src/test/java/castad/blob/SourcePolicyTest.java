package castad.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SourcePolicyTest {

    private final SourcePolicy policy = new SourcePolicy(settings(Map.of()), SourcePolicyTest::resolve);

    @Test
    void theDefaultsAllowHttpsToTheProvidersOwnDomainsAndNothingElse() {
        assertAllowed(policy, "https://cdn1.suno.ai/abc.mp3", "https://audiopipe.suno.ai/?item_id=1",
                "https://tempfile.aiquickdraw.sunoapi.org/x.mp3", "https://cdn2.suno.com/a.mp3",
                "https://f002.backblazeb2.creatomate.com/renders/r.mp4");
        assertRefused(policy, "http://cdn1.suno.ai/abc.mp3", "https://example.com/a.mp3",
                "https://bucket.s3.us-east-1.amazonaws.com/r.mp4", "https://d1234.cloudfront.net/a.mp4",
                "https://lh3.googleusercontent.com/a", "https://127.0.0.1:8090/a.mp3", "https://localhost/a.mp3",
                "https://user:pass@cdn1.suno.ai/a.mp3");
    }

    @Test
    void everyLoopbackPrivateSharedLinkLocalAndMetadataAddressIsRefusedEvenWhenItsHostIsAllowListed() {
        List<String> dangerous = List.of("127.0.0.1", "127.0.0.2", "::1", "10.0.0.1", "172.16.0.1", "172.31.255.254",
                "192.168.1.1", "100.64.0.1", "fc00::1", "fd12::1", "169.254.169.254", "fd00:ec2::254", "fe80::1",
                "168.63.129.16", "0.0.0.0", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254",
                "64:ff9b::a00:1", "224.0.0.1", "255.255.255.255", "::");
        var policy = new SourcePolicy(settings(Map.of("allowed-hosts", String.join(",", dangerous))),
                SourcePolicyTest::resolve);

        for (String address : dangerous) {
            String host = address.contains(":") ? "[" + address + "]" : address;
            assertRefused(policy, "https://" + host + "/latest/meta-data/");
        }
        assertAllowed(new SourcePolicy(settings(Map.of("allowed-hosts", "93.184.215.14")), SourcePolicyTest::resolve),
                "https://93.184.215.14/a.mp4");
    }

    @Test
    void aNameIsJudgedByEveryAddressItResolvesTo() {
        var policy = new SourcePolicy(settings(Map.of("allowed-hosts", "*.example.com")), SourcePolicyTest::resolve);

        assertThat(policy.addressesOf("cdn.example.com")).extracting(InetAddress::getHostAddress)
                .containsExactly("93.184.215.14");
        assertRefusal(() -> policy.addressesOf("internal.example.com"), "10.0.0.7");
        assertRefusal(() -> policy.addressesOf("mixed.example.com"), "169.254.169.254");
        assertThatThrownBy(() -> policy.addressesOf("unknown.example.com")).isInstanceOfSatisfying(CopyFailure.class,
                failure -> assertThat(failure.errorCode()).isEqualTo("BLOB_SOURCE_UNAVAILABLE"));
    }

    @Test
    void anAllowListedAddressOrRangeMayBeFetchedAndNoOtherLikeIt() {
        var policy = new SourcePolicy(settings(Map.of("allowed-hosts", "127.0.0.1,127.0.0.2,10.1.2.3,10.2.0.1",
                "allowed-addresses", "127.0.0.1,10.1.0.0/16", "allow-http", "true")), SourcePolicyTest::resolve);

        assertAllowed(policy, "http://127.0.0.1:8090/sim/media/song.mp3", "https://10.1.2.3/a");
        assertRefused(policy, "http://127.0.0.2:8090/a.mp3", "https://10.2.0.1/a");
    }

    @Test
    void httpIsFetchedOnlyWhereAllowedAndARedirectNeverGoesDownFromHttps() {
        var local = new SourcePolicy(settings(Map.of("allowed-hosts", "cdn.example.com", "allow-http", "true")),
                SourcePolicyTest::resolve);

        assertAllowed(local, "http://cdn.example.com/a", "https://cdn.example.com/a");
        assertThat(local.checkRedirect(URI.create("http://cdn.example.com/a"), URI.create("http://cdn.example.com/b")))
                .hasToString("http://cdn.example.com/b");
        assertThatThrownBy(() -> local.checkRedirect(URI.create("https://cdn.example.com/a"),
                URI.create("http://cdn.example.com/b")))
                .isInstanceOfSatisfying(CopyFailure.class, failure -> assertThat(failure.getMessage()).contains("down from https"));
        assertRefusal(() -> policy.checkRedirect(URI.create("https://cdn1.suno.ai/a"),
                URI.create("https://169.254.169.254/latest/meta-data/")), "allowlist");
    }

    @Test
    void aWildcardAllowsEverySubDomainButNeitherTheDomainItselfNorLookAlikes() {
        var policy = new SourcePolicy(settings(Map.of("allowed-hosts", "*.example.com,media.example.org")),
                SourcePolicyTest::resolve);

        assertAllowed(policy, "https://a.example.com/f", "https://a.b.example.com/f", "https://A.EXAMPLE.COM./f",
                "https://media.example.org/f");
        assertRefused(policy, "https://example.com/f", "https://evilexample.com/f", "https://a.example.com.evil.net/f",
                "https://x.media.example.org/f", "https://example.org/f", "https://a.example.com@evil.net/f");
    }

    @Test
    void onlyHttpAndHttpsUrlsAreFetched() {
        assertRefused(policy, "ftp://cdn1.suno.ai/a.mp3", "file:///etc/passwd", "jar:https://cdn1.suno.ai/a!/b",
                "gopher://127.0.0.1/", "//cdn1.suno.ai/a.mp3", "/local/path", "not a url", "https:///no-host");
    }

    @Test
    void aRefusalNamesTheUrlWithoutItsSignature() {
        assertThatThrownBy(() -> policy.check("https://bucket.evil.net/a.mp4?X-Amz-Signature=secret"))
                .isInstanceOfSatisfying(CopyFailure.class, failure -> {
                    assertThat(failure.errorCode()).isEqualTo("BLOB_SOURCE_REFUSED");
                    assertThat(failure.getMessage()).contains("https://bucket.evil.net/a.mp4")
                            .doesNotContain("secret");
                });
    }

    @Test
    void settingsThatWouldAllowTooMuchOrNothingAreRejectedAtStart() {
        for (String entry : List.of("*", "*.com", "a.*.example.com", "*.")) {
            assertThatThrownBy(() -> new SourcePolicy(settings(Map.of("allowed-hosts", entry)))).as(entry)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        for (String entry : List.of("localhost", "10.0.0.0/33", "metadata.internal", "0.0.0.0/0", "::/0")) {
            assertThatThrownBy(() -> new SourcePolicy(settings(Map.of("allowed-addresses", entry)))).as(entry)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    static BlobCopySettings settings(Map<String, String> properties) {
        Map<String, String> prefixed = new HashMap<>();
        properties.forEach((name, value) -> prefixed.put("castad.blob-copy." + name, value));
        return new Binder(new MapConfigurationPropertySource(prefixed))
                .bindOrCreate("castad.blob-copy", BlobCopySettings.class);
    }

    /** No DNS in unit tests: literals stay themselves, a few names are private, the rest one public address. */
    private static InetAddress[] resolve(String host) throws UnknownHostException {
        return switch (host) {
            case "internal.example.com" -> new InetAddress[] {InetAddress.getByName("10.0.0.7")};
            case "mixed.example.com" -> new InetAddress[] {InetAddress.getByName("93.184.215.14"),
                    InetAddress.getByName("169.254.169.254")};
            case "unknown.example.com" -> throw new UnknownHostException(host);
            default -> new InetAddress[] {InetAddress.getByName(
                    host.contains(":") || host.matches("[0-9.]+") ? host : "93.184.215.14")};
        };
    }

    private static void assertAllowed(SourcePolicy policy, String... urls) {
        for (String url : urls) {
            assertThatCode(() -> policy.check(url)).as(url).doesNotThrowAnyException();
        }
    }

    private static void assertRefused(SourcePolicy policy, String... urls) {
        for (String url : urls) {
            assertRefusal(() -> policy.check(url), "");
        }
    }

    private static void assertRefusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String mentions) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CopyFailure.class, failure -> {
            assertThat(failure.errorCode()).isEqualTo("BLOB_SOURCE_REFUSED");
            assertThat(failure.getMessage()).contains(mentions);
        });
    }
}
