package castad.common.blob;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobServiceClientBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BlobStoreBlockSizeTest {

    private static final long BLOCK = 4_194_304;
    private static final String ACCOUNT = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

    private final BlobStore store = new BlobStore(new BlobServiceClientBuilder().connectionString(ACCOUNT).buildClient(),
            new BlobSettings(ACCOUNT, "images", "media", Duration.ofHours(1), BLOCK, 2, Duration.ofMinutes(30), ""),
            Clock.systemUTC());

    @Test
    void aStreamOfUnknownLengthIsReadInConfiguredBlocks() {
        assertThat(store.blockSize(OptionalLong.empty())).isEqualTo(BLOCK);
    }

    @Test
    void aSmallFileIsReadIntoOneBufferJustLongerThanItselfButNeverTinier() {
        assertThat(store.blockSize(OptionalLong.of(200_000))).isEqualTo(200_001);
        assertThat(store.blockSize(OptionalLong.of(8_332))).isEqualTo(BlobStore.SMALLEST_BLOCK);
        assertThat(store.blockSize(OptionalLong.of(0))).isEqualTo(BlobStore.SMALLEST_BLOCK);
    }

    @Test
    void aFileOfABlockOrMoreIsReadInConfiguredBlocks() {
        assertThat(store.blockSize(OptionalLong.of(BLOCK - 1))).isEqualTo(BLOCK);
        assertThat(store.blockSize(OptionalLong.of(BLOCK))).isEqualTo(BLOCK);
        assertThat(store.blockSize(OptionalLong.of(30_000_000))).isEqualTo(BLOCK);
    }
}
