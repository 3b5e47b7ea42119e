package castad.simulators.creatomate;

import java.util.LinkedHashMap;
import java.util.Map;

/** Render requests as our video worker sends them: the default template, modifications, webhook, our id. */
final class RenderRequests {

    private RenderRequests() {
    }

    static Map<String, Object> video(String webhookUrl, String metadata) {
        var request = new LinkedHashMap<String, Object>();
        request.put("template_id", "castad-default");
        request.put("modifications", Map.of("Title", "Mori Bakery", "Photo-1", "https://blob.example/p1.jpg",
                "Music", "https://blob.example/song.mp3"));
        request.put("output_format", "mp4");
        request.put("webhook_url", webhookUrl);
        request.put("metadata", metadata);
        return request;
    }
}
