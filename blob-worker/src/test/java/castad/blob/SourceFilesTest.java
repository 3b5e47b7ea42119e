package castad.blob;

import static castad.blob.SourceServer.file;
import static castad.blob.SourceServer.redirect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connection goes to the address the policy checked: a name is resolved once per connection, by the
 * policy, and a second answer (a DNS rebinding to another address) is never used for that connection.
 * Only loopback addresses are ever answered: 127.0.0.2 stands for the private address a rebinding would
 * lead to, and the server listens there too, so a connection to it would show in its count.
 */
class SourceFilesTest {

    private static final byte[] SONG = "ID3 a short song".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final SourceServer server = new SourceServer();
    private final List<String> lookups = new ArrayList<>();
    private final List<InetAddress> answers = new ArrayList<>();
    private CloseableHttpClient client;
    private IdleGuard idleGuard;
    private SourcePolicy policy;

    @AfterEach
    void stop() throws Exception {
        server.close();
        if (client != null) {
            client.close();
            idleGuard.close();
        }
    }

    @Test
    void aNameIsResolvedOnceAndTheCheckedAddressIsTheOneConnectedTo() throws Exception {
        server.on("/song.mp3", file(SONG, true));
        SourceFiles files = files(loopback("127.0.0.1"), loopback("127.0.0.2"));

        // as StreamingCopy does: the URL checked first, then opened
        try (SourceFile song = files.open(policy.check(url("rebind.test", "/song.mp3")))) {
            assertThat(song.body().readAllBytes()).isEqualTo(SONG);
        }

        assertThat(lookups).as("the policy's check and the connection share one lookup").containsExactly("rebind.test");
        assertThat(server.hits("/song.mp3")).isEqualTo(1);
    }

    @Test
    void aNameThatAnswersAPrivateAddressIsRefusedBeforeAnyConnection() {
        server.on("/song.mp3", file(SONG, true));
        SourceFiles files = files(loopback("127.0.0.2"), loopback("127.0.0.1"));

        assertThatThrownBy(() -> files.open(policy.check(url("rebind.test", "/song.mp3")))).isInstanceOfSatisfying(CopyFailure.class,
                failure -> assertThat(failure.errorCode()).isEqualTo("BLOB_SOURCE_REFUSED"));
        assertThat(server.hits("/song.mp3")).isZero();
    }

    @Test
    void aRedirectToAPrivateOrMetadataAddressIsRefusedAndNotFollowed() {
        SourceFiles files = files(loopback("127.0.0.1"));
        // 127.0.0.2 is allow-listed by name, so its address is what refuses it; the others are never connected to
        for (String target : List.of("http://127.0.0.2:" + url("x", "/").getPort() + "/song.mp3",
                "http://10.0.0.1/song.mp3", "http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/")) {
            String path = "/moved-" + Math.abs(target.hashCode());
            server.on(path, redirect(target));

            assertThatThrownBy(() -> files.open(policy.check(url("rebind.test", path)))).as(target)
                    .isInstanceOfSatisfying(CopyFailure.class,
                            failure -> assertThat(failure.errorCode()).isEqualTo("BLOB_SOURCE_REFUSED"));
            assertThat(server.hits(path)).isEqualTo(1);
        }
        assertThat(server.hits("/song.mp3")).isZero();
    }

    private SourceFiles files(InetAddress... answersInOrder) {
        answers.addAll(List.of(answersInOrder));
        BlobCopySettings settings = SourcePolicyTest.settings(Map.of("allowed-hosts", "rebind.test,127.0.0.1,127.0.0.2",
                "allowed-addresses", "127.0.0.1", "allow-http", "true", "read-timeout", "5s"));
        policy = new SourcePolicy(settings, host -> {
            if (!host.equals("rebind.test")) {
                return InetAddress.getAllByName(host); // literals only: no lookup leaves the machine
            }
            lookups.add(host);
            return new InetAddress[] {answers.size() > 1 ? answers.remove(0) : answers.get(0)};
        });
        client = new BlobCopyConfiguration().sourceHttpClient(settings, policy);
        idleGuard = new IdleGuard(Duration.ofSeconds(5));
        return new SourceFiles(client, policy, idleGuard);
    }

    private URI url(String host, String path) {
        return URI.create(server.url(host, path));
    }

    private static InetAddress loopback(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
