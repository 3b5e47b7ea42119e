package castad.gateway.lyric;

import castad.gateway.idempotency.IdempotentRequests;
import castad.gateway.security.Caller;
import castad.gateway.web.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
    ResponseEntity<?> request(@AuthenticationPrincipal Caller caller, @PathVariable String taskId,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                              @Valid @RequestBody(required = false) LyricRequest body) {
        String instructions = body == null || body.prompt() == null || body.prompt().isBlank()
                ? null : body.prompt().strip();
        return idempotency.run(caller, idempotencyKey, "POST /api/v1/projects/" + taskId + "/lyrics", body, () -> {
            Lyric lyric = requestingLyrics.request(caller, taskId, instructions);
            return ResponseEntity.accepted().location(URI.create("/api/v1/projects/" + taskId))
                    .body(LyricView.of(lyric));
        });
    }

    /** @param prompt extra instructions for the lyricist, added to the prompt built from the project */
    record LyricRequest(@Size(max = 2000) @PlainText(multiline = true) String prompt) {
    }
}
