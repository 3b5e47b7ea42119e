package castad.gateway.lyric;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LyricController {

    private final RequestingLyrics requestingLyrics;

    LyricController(RequestingLyrics requestingLyrics) {
        this.requestingLyrics = requestingLyrics;
    }

    /** 202: the lyric row exists ({@code pending}); follow it on {@code GET /api/v1/projects/{taskId}}. */
    @PostMapping("/api/v1/projects/{taskId}/lyrics")
    ResponseEntity<LyricView> request(@PathVariable String taskId,
                                      @Valid @RequestBody(required = false) LyricRequest body) {
        String instructions = body == null || body.prompt() == null || body.prompt().isBlank()
                ? null : body.prompt().strip();
        Lyric lyric = requestingLyrics.request(taskId, instructions);
        return ResponseEntity.accepted().location(URI.create("/api/v1/projects/" + taskId)).body(LyricView.of(lyric));
    }

    /** @param prompt extra instructions for the lyricist, added to the prompt built from the project */
    record LyricRequest(@Size(max = 2000) String prompt) {
    }
}
