package castad.common.stage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureMessagesTest {

    @Test
    void aCustomerReadsAFixedSentencePerErrorCodeNeverTheProvidersText() {
        String openAi = "Incorrect API key provided: sk-proj-****************************abcd. You can find your"
                + " API key at https://platform.openai.com/account/api-keys.";

        String shown = FailureMessages.publicMessage("LYRIC", 7, "OPENAI_UNAUTHORIZED", openAi);

        assertThat(shown).isEqualTo("castad's OpenAI key was refused; an operator must renew it");
        assertThat(FailureMessages.of("SUNO_CALLBACK_531")).isEqualTo("Suno could not make the song; try again later");
        assertThat(FailureMessages.of("SOMETHING_NEW")).isEqualTo("The stage could not be finished; try again later");
        assertThat(FailureMessages.of(null)).isNotBlank();
    }

    @Test
    void theLoggedTextHasItsSecretsMasked() {
        assertThat(FailureMessages.masked("Incorrect API key provided: sk-proj-abcdEFGH1234"))
                .isEqualTo("Incorrect API key provided: sk-***");
        assertThat(FailureMessages.masked("Authorization: Bearer eyJhbGciOiJI.payload.sig"))
                .isEqualTo("Authorization: Bearer ***");
        assertThat(FailureMessages.masked("GET https://x.blob.core.windows.net/media/a.mp4?sv=2024&sig=AbC%2Bd&se=1"))
                .isEqualTo("GET https://x.blob.core.windows.net/media/a.mp4?sv=2024&sig=***&se=1");
        assertThat(FailureMessages.masked("key " + "Q".repeat(40) + " leaked")).isEqualTo("key *** leaked");
        assertThat(FailureMessages.masked("task 3f0c8a2e-1b7d-4c55-9e0f-5a6b7c8d9e0f failed"))
                .as("task ids stay readable").contains("3f0c8a2e-1b7d-4c55-9e0f-5a6b7c8d9e0f");
        assertThat(FailureMessages.masked(null)).isEmpty();
    }
}
