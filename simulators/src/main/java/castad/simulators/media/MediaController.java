package castad.simulators.media;

import castad.simulators.fault.ConnectionDrop;
import castad.simulators.fault.DelayedReplies;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.server.ResponseStatusException;

/**
 * The files behind the simulated providers' URLs, streamed with their Content-Length; padded to
 * {@code ?sizeBytes=N} (or the configured size) without holding the padding in memory. Random faults
 * (chaos) may send a file late (from a timer thread), or drop the connection before it or half-way.
 */
@RestController
class MediaController {

    private final MediaAssets assets;
    private final RenderedVideos renders;
    private final MediaFaults faults;
    private final DelayedReplies replies;

    MediaController(MediaAssets assets, RenderedVideos renders, MediaFaults faults, DelayedReplies replies) {
        this.assets = assets;
        this.renders = renders;
        this.faults = faults;
        this.replies = replies;
    }

    @GetMapping("/media/songs/{name:[A-Za-z0-9_-]{1,128}}.mp3")
    DeferredResult<ResponseEntity<MediaBody>> song(@PathVariable String name, @RequestParam(required = false) Long sizeBytes) {
        return serve(assets.song(), sizeBytes);
    }

    @GetMapping("/media/renders/{id:[A-Za-z0-9_-]{1,128}}.mp4")
    DeferredResult<ResponseEntity<MediaBody>> render(@PathVariable String id, @RequestParam(required = false) Long sizeBytes) {
        if (!renders.succeeded(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "render " + id + " has not succeeded");
        }
        return serve(assets.video(), sizeBytes);
    }

    @GetMapping("/media/images/{name:[A-Za-z0-9_-]{1,128}}.jpg")
    DeferredResult<ResponseEntity<MediaBody>> image(@PathVariable String name) {
        return serve(assets.image(), null);
    }

    private DeferredResult<ResponseEntity<MediaBody>> serve(MediaFile file, Long sizeBytes) {
        long size = sizeBytes == null ? assets.servedSize(file) : requested(file, sizeBytes);
        var fault = faults.chaos().draw();
        if (fault.dropsBefore()) {
            throw new ConnectionDrop();
        }
        var body = fault.dropsAfter() ? MediaBody.halfThenDrop(file, size) : MediaBody.whole(file, size);
        return replies.after(fault.delay(), () -> ResponseEntity.ok().contentType(file.contentType())
                .contentLength(size).body(body));
    }

    private static long requested(MediaFile file, long sizeBytes) {
        if (!file.canServeAs(sizeBytes)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "sizeBytes must be " + file.length()
                    + " (the file itself) or at least " + file.smallestPaddedSize());
        }
        return sizeBytes;
    }
}
