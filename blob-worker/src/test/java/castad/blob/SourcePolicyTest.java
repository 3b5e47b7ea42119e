package castad.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SourcePolicyTest {

    private final SourcePolicy policy = new SourcePolicy(defaults().allowedHosts(), SourcePolicyTest::resolve);

    @Test
    void theDefaultsAllowTheProvidersCdnsAndTheLocalStackAndNothingElse() {
        assertAllowed(policy, "https://cdn1.suno.ai/abc.mp3", "https://audiopipe.suno.ai/?item_id=1",
                "https://tempfile.aiquickdraw.sunoapi.org/x.mp3", "https://cdn2.suno.com/a.mp3",
                "https://f002.backblazeb2.creatomate.com/renders/r.mp4",
                "https://bucket.s3.us-east-1.amazonaws.com/r.mp4?X-Amz-Signature=abc",
                "https://d1234.cloudfront.net/a.mp4", "https://lh3.googleusercontent.com/a",
                "http://127.0.0.1:8090/sim/media/song.mp3", "http://localhost:8090/sim/media/video.mp4");
        assertRefused(policy, "https://example.com/a.mp3", "http://127.0.0.2:8090/a.mp3", "http://10.0.0.1/a",
                "http://[::1]/a");
    }

    @Test
    void aWildcardAllowsEverySubDomainButNeitherTheDomainItselfNorLookAlikes() {
        var policy = new SourcePolicy(List.of("*.example.com", "media.example.org"));

        assertAllowed(policy, "https://a.example.com/f", "https://a.b.example.com/f", "https://A.EXAMPLE.COM./f",
                "https://media.example.org/f");
        assertRefused(policy, "https://example.com/f", "https://evilexample.com/f", "https://a.example.com.evil.net/f",
                "https://x.media.example.org/f", "https://example.org/f", "https://a.example.com@evil.net/f");
    }

    @Test
    void onlyHttpAndHttpsUrlsAreFetched() {
        assertRefused(policy, "ftp://cdn1.suno.ai/a.mp3", "file:///etc/passwd", "jar:http://cdn1.suno.ai/a!/b",
                "gopher://127.0.0.1/", "//cdn1.suno.ai/a.mp3", "/local/path", "not a url", "http:///no-host");
    }

    @Test
    void linkLocalAndMetadataAddressesAreRefusedEvenWhenTheAllowlistNamesThem() {
        var policy = new SourcePolicy(List.of("169.254.169.254", "169.254.1.1", "fd00:ec2::254", "fe80::1",
                "0.0.0.0", "metadata.internal", "cdn.example.com"), SourcePolicyTest::resolve);

        assertRefused(policy, "http://169.254.169.254/latest/meta-data/", "http://169.254.1.1/a",
                "http://[fd00:ec2::254]/latest/meta-data/", "http://[fe80::1]/a", "http://0.0.0.0:8090/a",
                "http://metadata.internal/computeMetadata/v1/");
        assertAllowed(policy, "https://cdn.example.com/a.mp4");
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
    void anAllowlistEntryThatWouldAllowWholeTopLevelDomainsIsRejectedAtStart() {
        for (String entry : List.of("*", "*.com", "a.*.example.com", "*.")) {
            assertThatThrownBy(() -> new SourcePolicy(List.of(entry))).as(entry)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static BlobCopySettings defaults() {
        return new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("castad.blob-copy", BlobCopySettings.class);
    }

    /** No DNS in unit tests: literals stay themselves, one name resolves to metadata, the rest to a public address. */
    private static InetAddress[] resolve(String host) throws UnknownHostException {
        if (host.equals("metadata.internal")) {
            return new InetAddress[] {InetAddress.getByName("10.0.0.7"), InetAddress.getByName("169.254.169.254")};
        }
        boolean literal = host.contains(":") || host.matches("[0-9.]+");
        return new InetAddress[] {InetAddress.getByName(literal ? host : "93.184.215.14")};
    }

    private static void assertAllowed(SourcePolicy policy, String... urls) {
        for (String url : urls) {
            assertThatCode(() -> policy.check(url)).as(url).doesNotThrowAnyException();
        }
    }

    private static void assertRefused(SourcePolicy policy, String... urls) {
        for (String url : urls) {
            assertThatThrownBy(() -> policy.check(url)).as(url)
                    .isInstanceOfSatisfying(CopyFailure.class,
                            failure -> assertThat(failure.errorCode()).isEqualTo("BLOB_SOURCE_REFUSED"));
        }
    }
}
