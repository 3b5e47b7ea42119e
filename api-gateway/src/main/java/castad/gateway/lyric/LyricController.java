package castad.gateway.lyric;

import castad.gateway.idempotency.IdempotentRequests;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LyricController {

    private final RequestingLyrics requestingLyrics;
    private final IdempotentRequests idempotency;

    LyricController(RequestingLyrics requestingLyrics, IdempotentRequests idempotency) {
        this.requestingLyrics = requestingLyrics;
        this.idempotency = idempotency;
    }

    /** 202: the lyric row exists ({@code pending}); follow it on {@code GET /api/v1/projects/{taskId}}. */
    @PostMapping("/api/v1/projects/{taskId}/lyrics")
    ResponseEntity<?> request(@PathVariable String taskId, @RequestHeader(value = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                              @Valid @RequestBody(required = false) LyricRequest body) {
        String instructions = body == null || body.prompt() == null || body.prompt().isBlank()
                ? null : body.prompt().strip();
        return idempotency.run(idempotencyKey, "POST /api/v1/projects/" + taskId + "/lyrics", body, () -> {
            Lyric lyric = requestingLyrics.request(taskId, instructions);
            return ResponseEntity.accepted().location(URI.create("/api/v1/projects/" + taskId))
                    .body(LyricView.of(lyric));
        });
    }

    /** @param prompt extra instructions for the lyricist, added to the prompt built from the project */
    record LyricRequest(@Size(max = 2000) String prompt) {
    }
}
