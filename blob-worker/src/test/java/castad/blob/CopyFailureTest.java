package castad.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CopyFailureTest {

    @Test
    void aMissingFileIsGoneAnotherClientErrorIsRejectedAndNeitherIsFetchedAgain() {
        assertFinal(404, "BLOB_SOURCE_GONE");
        assertFinal(410, "BLOB_SOURCE_GONE");
        assertFinal(403, "BLOB_SOURCE_REJECTED");
        assertFinal(400, "BLOB_SOURCE_REJECTED");
        assertFinal(416, "BLOB_SOURCE_REJECTED");
    }

    @Test
    void serverErrorsTimeoutsAndRateLimitsAreFetchedAgainHonouringRetryAfter() {
        for (int status : new int[] {500, 502, 503, 504, 408, 429}) {
            CopyFailure failure = CopyFailure.forStatus(status, "http://127.0.0.1/a", Duration.ofSeconds(2));
            assertThat(failure.retryable()).as("%d", status).isTrue();
            assertThat(failure.errorCode()).isEqualTo("BLOB_SOURCE_UNAVAILABLE");
            assertThat(failure.retryAfter()).contains(Duration.ofSeconds(2));
        }
    }

    @Test
    void onlyATooLargeFileRemovesWhatItsUploadLeft() {
        assertThat(CopyFailure.tooLarge("x").removesBlob()).isTrue();
        assertThat(CopyFailure.unavailable("x").removesBlob()).isFalse();
        assertThat(CopyFailure.refused("x").removesBlob()).isFalse();
    }

    private static void assertFinal(int status, String errorCode) {
        CopyFailure failure = CopyFailure.forStatus(status, "http://127.0.0.1/a", null);
        assertThat(failure.errorCode()).isEqualTo(errorCode);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains(String.valueOf(status));
    }
}
