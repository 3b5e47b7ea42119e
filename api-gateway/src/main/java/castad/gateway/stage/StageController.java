package castad.gateway.stage;

import castad.common.event.Stage;
import castad.gateway.idempotency.IdempotentRequests;
import castad.gateway.security.Caller;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class StageController {

    private final StartingStages starting;
    private final StageViews views;
    private final IdempotentRequests idempotency;

    StageController(StartingStages starting, StageViews views, IdempotentRequests idempotency) {
        this.starting = starting;
        this.views = views;
        this.idempotency = idempotency;
    }

    /** 202 with the pending song; 409 while one runs or before the lyrics are completed. */
    @PostMapping("/api/v1/projects/{taskId}/songs")
    ResponseEntity<?> song(@AuthenticationPrincipal Caller caller, @PathVariable String taskId,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                           @Valid @RequestBody(required = false) SongOptions body) {
        return idempotency.run(caller, idempotencyKey, "POST /api/v1/projects/" + taskId + "/songs", body, () -> {
            long id = starting.song(caller, taskId, body == null ? SongOptions.NONE : body);
            return accepted(taskId, views.byId(Stage.SONG, id));
        });
    }

    /** 202 with the pending video; 409 while one runs, or before a song is completed and a photo uploaded. */
    @PostMapping("/api/v1/projects/{taskId}/videos")
    ResponseEntity<?> video(@AuthenticationPrincipal Caller caller, @PathVariable String taskId,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                            @Valid @RequestBody(required = false) VideoOptions body) {
        return idempotency.run(caller, idempotencyKey, "POST /api/v1/projects/" + taskId + "/videos", body, () -> {
            long id = starting.video(caller, taskId, body == null ? VideoOptions.NONE : body);
            return accepted(taskId, views.byId(Stage.VIDEO, id));
        });
    }

    private static ResponseEntity<StageView> accepted(String taskId, StageView view) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/projects/" + taskId)).body(view);
    }
}
