package castad.video.creatomate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import castad.common.http.ProviderFailure;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AcceptedRenderTest {

    @Test
    void v2AnswersOneRenderObject() {
        assertThat(CreatomateClient.acceptedRenderId(bytes("{\"id\":\"r-2\",\"status\":\"planned\",\"url\":\"u\"}")))
                .isEqualTo("r-2");
    }

    @Test
    void v1AnswersAnArrayOfRenders() {
        assertThat(CreatomateClient.acceptedRenderId(bytes("[{\"id\":\"r-1\",\"status\":\"planned\"}]")))
                .isEqualTo("r-1");
    }

    @Test
    void anAnswerWithoutARenderIdFailsForGoodSoThatThePaidRenderIsNotSubmittedAgain() {
        for (String answer : new String[] {"<html><body>Render queued</body></html>", "", "[]", "{}",
                "{\"id\":7}", "[{\"status\":\"planned\"}]", "{\"id\":\" \"}"}) {
            assertThatThrownBy(() -> CreatomateClient.acceptedRenderId(bytes(answer))).as(answer)
                    .isInstanceOfSatisfying(ProviderFailure.class, failure -> {
                        assertThat(failure.errorCode()).isEqualTo(CreatomateClient.UNREADABLE_ACCEPTANCE);
                        assertThat(failure.retryable()).isFalse();
                    });
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
