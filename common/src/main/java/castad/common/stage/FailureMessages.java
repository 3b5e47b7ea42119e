package castad.common.stage;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a failed stage tells its customer: a fixed sentence per {@code errorCode}, never the provider's own
 * text (OpenAI's 401 quotes the end of the key, a Suno or Creatomate message may name internals). The
 * provider's text goes to the log only, with anything that looks like a secret masked.
 */
public final class FailureMessages {

    private static final Logger log = LoggerFactory.getLogger(FailureMessages.class);
    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("STAGE_TIMEOUT", "The provider did not finish in time; start the stage again"),
            Map.entry("OPENAI_UNAUTHORIZED", "castad's OpenAI key was refused; an operator must renew it"),
            Map.entry("OPENAI_FORBIDDEN", "castad's OpenAI key may not use this model; an operator must fix it"),
            Map.entry("OPENAI_INSUFFICIENT_QUOTA", "castad's OpenAI quota is used up; an operator must top it up"),
            Map.entry("OPENAI_BAD_REQUEST", "OpenAI refused the request for these lyrics"),
            Map.entry("OPENAI_BILLING_LIMIT", "castad's OpenAI account hit its billing limit; an operator must raise it"),
            Map.entry("OPENAI_UNREADABLE_ANSWER", "OpenAI's answer could not be read; it was not asked again, so as not"
                    + " to pay twice: try again"),
            Map.entry("LYRICS_TRUNCATED", "The lyrics came out too long; try a shorter prompt"),
            Map.entry("LYRICS_CONTENT_FILTERED", "OpenAI's content filter stopped the lyrics; change the prompt or the store's description"),
            Map.entry("LYRICS_EMPTY", "OpenAI wrote no lyrics; try again"),
            Map.entry("LYRICS_REFUSED", "OpenAI declined to write these lyrics; change the prompt or the store's"
                    + " description"),
            Map.entry("LYRICS_UNUSABLE", "OpenAI's lyrics could not be used; try again"),
            Map.entry("SUNO_UNAUTHORIZED", "castad's Suno key was refused; an operator must renew it"),
            Map.entry("SUNO_INSUFFICIENT_CREDITS", "castad's Suno credits are used up; an operator must top them up"),
            Map.entry("SUNO_PROMPT_TOO_LONG", "The lyrics are too long for Suno; shorten them"),
            Map.entry("SUNO_BAD_REQUEST", "Suno refused the request for this song"),
            Map.entry("SUNO_SENSITIVE_WORD_ERROR", "Suno refused the lyrics as sensitive; change them"),
            Map.entry("SUNO_CALLBACK_400", "Suno refused the lyrics as copyrighted; change them"),
            Map.entry("SUNO_CALLBACK_413", "Suno found the song too close to an existing work; change the lyrics or style"),
            Map.entry("CREATOMATE_UNAUTHORIZED", "castad's Creatomate key was refused; an operator must renew it"),
            Map.entry("CREATOMATE_INSUFFICIENT_CREDITS", "castad's Creatomate credits are used up; an operator must top them up"),
            Map.entry("CREATOMATE_NOT_FOUND", "The video template does not exist at Creatomate; choose another templateId"),
            Map.entry("CREATOMATE_BAD_REQUEST", "Creatomate refused the request for this video"),
            Map.entry("CREATOMATE_RENDER_FAILED", "Creatomate could not render the video; try again"),
            Map.entry("CREATOMATE_UNREADABLE_ACCEPTANCE", "Creatomate took the video but its answer could not be read;"
                    + " it was not sent again, so as not to pay twice: try again"),
            Map.entry("BLOB_SOURCE_REFUSED", "The provider's file is at an address castad does not download from"),
            Map.entry("BLOB_TOO_LARGE", "The provider's file is larger than castad stores"),
            Map.entry("BLOB_SOURCE_GONE", "The provider's file was gone before it could be stored"));
    private static final Map<String, String> BY_PREFIX = Map.of(
            "OPENAI_", "OpenAI could not write the lyrics; try again later",
            "LYRICS_", "The lyrics could not be used; try again",
            "SUNO_", "Suno could not make the song; try again later",
            "CREATOMATE_", "Creatomate could not render the video; try again later",
            "BLOB_", "The generated file could not be stored; try again later");
    /** Failures castad found itself, whose text is castad's own sentence for the customer (it names what is wrong). */
    private static final Set<String> CASTADS_OWN_WORDS = Set.of("TEMPLATE_MISMATCH");
    /** API keys (sk-..., Bearer ...), signatures and tokens in URLs, long opaque strings. */
    private static final Pattern SECRET = Pattern.compile(
            "(?i)\\b(sk|rk|pk)-[A-Za-z0-9_*.-]{3,}|\\bBearer\\s+\\S+|\\b(sig|token|key|signature|X-Amz-Signature)=[^&\\s\"']+"
                    + "|\\b[A-Za-z0-9_+/=]{32,}\\b");

    private FailureMessages() {
    }

    /** The customer's sentence for {@code errorCode}; the provider's text is logged, masked, and dropped. */
    public static String publicMessage(String what, long id, String errorCode, String providerText) {
        log.info("{} {} failed with {}: {}", what, id, errorCode, masked(providerText));
        if (CASTADS_OWN_WORDS.contains(errorCode) && providerText != null && !providerText.isBlank()) {
            return masked(providerText);
        }
        return of(errorCode);
    }

    static String of(String errorCode) {
        String code = errorCode == null ? "" : errorCode;
        String known = MESSAGES.get(code);
        if (known != null) {
            return known;
        }
        return BY_PREFIX.entrySet().stream().filter(prefix -> code.startsWith(prefix.getKey()))
                .map(Map.Entry::getValue).findFirst()
                .orElse("The stage could not be finished; try again later");
    }

    public static String masked(String text) {
        if (text == null) {
            return "";
        }
        return SECRET.matcher(text).replaceAll(match -> {
            String found = match.group();
            int keep = found.indexOf('=') > 0 ? found.indexOf('=') + 1 : found.startsWith("Bearer") ? 7
                    : found.indexOf('-') > 0 && found.indexOf('-') < 3 ? found.indexOf('-') + 1 : 0;
            return java.util.regex.Matcher.quoteReplacement(found.substring(0, keep) + "***");
        });
    }
}
