package castad.common.blob;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobServiceClientBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BlobStoreReadUrlTest {

    private static final String INSIDE = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + "BlobEndpoint=http://azurite:10000/devstoreaccount1;";

    @Test
    void aReadUrlNamesThePublicEndpointWithTheSameSignature() {
        String inside = store("").readUrl("media", "videos/a.mp4");
        String outside = store("http://127.0.0.1:10000/devstoreaccount1/").readUrl("media", "videos/a.mp4");

        assertThat(inside).startsWith("http://azurite:10000/devstoreaccount1/media/videos%2Fa.mp4?");
        assertThat(outside).startsWith("http://127.0.0.1:10000/devstoreaccount1/media/videos%2Fa.mp4?")
                .contains("sig=");
        assertThat(query(outside)).isEqualTo(query(inside));
    }

    private static String query(String url) {
        return url.substring(url.indexOf('?'));
    }

    private static BlobStore store(String publicEndpoint) {
        var settings = new BlobSettings(INSIDE, "images", "media", Duration.ofHours(1), 4_194_304, 2,
                Duration.ofMinutes(30), publicEndpoint);
        var service = new BlobServiceClientBuilder().connectionString(INSIDE).buildClient();
        return new BlobStore(service, settings, Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"),
                ZoneOffset.UTC));
    }
}
