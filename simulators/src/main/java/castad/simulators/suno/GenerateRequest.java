package castad.simulators.suno;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.springframework.web.util.UriComponentsBuilder;

/** The body of POST /api/v1/generate; fields are checked by {@link GenerateRules}. */
record GenerateRequest(Boolean customMode, Boolean instrumental, String model, String callBackUrl,
                       String prompt, String style, String title) {

    /** Our reference for the song: the {@code ref} query parameter of the callback URL, if any. */
    String ref() {
        var ref = UriComponentsBuilder.fromUriString(callBackUrl).build().getQueryParams().getFirst("ref");
        return ref == null ? null : URLDecoder.decode(ref, StandardCharsets.UTF_8);
    }

    boolean custom() {
        return Boolean.TRUE.equals(customMode);
    }

    boolean withoutVocals() {
        return Boolean.TRUE.equals(instrumental);
    }

    SunoModel sunoModel() {
        return SunoModel.valueOf(model);
    }
}
