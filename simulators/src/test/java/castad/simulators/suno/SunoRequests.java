package castad.simulators.suno;

import java.util.LinkedHashMap;
import java.util.Map;

/** Generate requests as our song worker sends them: custom mode, lyrics as prompt, a callback URL with ref. */
final class SunoRequests {

    static final String LYRICS = "[Verse]\nMorning bread at Mori Bakery\n[Chorus]\nMori, Mori, warm and sweet";

    private SunoRequests() {
    }

    static Map<String, Object> song(String callBackUrl) {
        return with(callBackUrl, Map.of());
    }

    static Map<String, Object> with(String callBackUrl, Map<String, Object> changes) {
        var request = new LinkedHashMap<String, Object>();
        request.put("customMode", true);
        request.put("instrumental", false);
        request.put("model", "V4_5ALL");
        request.put("callBackUrl", callBackUrl);
        request.put("prompt", LYRICS);
        request.put("style", "K-pop, upbeat");
        request.put("title", "Mori Morning");
        request.putAll(changes);
        request.values().removeIf(value -> value == null || "<none>".equals(value));
        return request;
    }
}
