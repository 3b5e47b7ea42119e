package castad.common.blob;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BlobLocationTest {

    private static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    @Test
    void theStoreWritesEachUrlAsTheSdkDoesAndTheContainerAndNameAreReadBack() {
        for (String endpoint : new String[] {"http://127.0.0.1:10000/devstoreaccount1",
                "https://castad.blob.core.windows.net", "https://media.example.com:8443"}) {
            BlobServiceClient service = service(endpoint);
            BlobStore store = new BlobStore(service, new BlobSettings("UseDevelopmentStorage=true", "images", "media",
                    Duration.ofHours(1), 4_194_304, 2, Duration.ofMinutes(30), ""), Clock.systemUTC());
            for (String name : new String[] {"videos/0b8f/7.mp4", "songs/a b+c/ü 1.mp3", "flat.png", "a%2Fb?c#d.mp3"}) {
                String url = service.getBlobContainerClient("media").getBlobClient(name).getBlobUrl();

                assertThat(store.url("media", name)).isEqualTo(url);
                assertThat(BlobLocation.in(service.getAccountUrl(), url))
                        .as(url).contains(new BlobLocation("media", name));
            }
        }
    }

    @Test
    void aSignedUrlIsReadWithoutItsSignature() {
        assertThat(BlobLocation.in("https://castad.blob.core.windows.net",
                "https://castad.blob.core.windows.net/media/songs%2F1.mp3?sv=2024&sig=abc"))
                .contains(new BlobLocation("media", "songs/1.mp3"));
    }

    @Test
    void urlsOutsideTheAccountOrWithoutABlobNameAreNotRead() {
        String account = "https://media.example.com:8443";

        assertThat(BlobLocation.in(account, "https://other.example.com:8443/media/x.mp4")).isEmpty();
        assertThat(BlobLocation.in(account, "https://media.example.com:84430/media/x.mp4")).isEmpty();
        assertThat(BlobLocation.in(account, account + "/media")).isEmpty();
        assertThat(BlobLocation.in(account, account + "/media/")).isEmpty();
        assertThat(BlobLocation.in(account, "not a url")).isEmpty();
        assertThat(BlobLocation.in(account, null)).isEmpty();
    }

    private static BlobServiceClient service(String endpoint) {
        return new BlobServiceClientBuilder().connectionString("DefaultEndpointsProtocol=http;AccountName="
                + "devstoreaccount1;AccountKey=" + KEY + ";BlobEndpoint=" + endpoint + ";").buildClient();
    }
}
