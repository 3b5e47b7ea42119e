package castad.simulators.media;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The files behind the simulated providers' URLs, streamed with their Content-Length; padded to
 * {@code ?sizeBytes=N} (or the configured size) without holding the padding in memory.
 */
@RestController
class MediaController {

    private final MediaAssets assets;
    private final RenderedVideos renders;

    MediaController(MediaAssets assets, RenderedVideos renders) {
        this.assets = assets;
        this.renders = renders;
    }

    @GetMapping("/media/songs/{name:[A-Za-z0-9_-]{1,128}}.mp3")
    void song(@PathVariable String name, @RequestParam(required = false) Long sizeBytes, HttpServletResponse response)
            throws IOException {
        serve(assets.song(), sizeBytes, response);
    }

    @GetMapping("/media/renders/{id:[A-Za-z0-9_-]{1,128}}.mp4")
    void render(@PathVariable String id, @RequestParam(required = false) Long sizeBytes, HttpServletResponse response)
            throws IOException {
        if (!renders.succeeded(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "render " + id + " has not succeeded");
        }
        serve(assets.video(), sizeBytes, response);
    }

    @GetMapping("/media/images/{name:[A-Za-z0-9_-]{1,128}}.jpg")
    void image(@PathVariable String name, HttpServletResponse response) throws IOException {
        serve(assets.image(), null, response);
    }

    private void serve(MediaFile file, Long sizeBytes, HttpServletResponse response) throws IOException {
        long size = sizeBytes == null ? assets.servedSize(file) : requested(file, sizeBytes);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(file.contentType().toString());
        response.setContentLengthLong(size);
        file.writeTo(response.getOutputStream(), size);
    }

    private static long requested(MediaFile file, long sizeBytes) {
        if (!file.canServeAs(sizeBytes)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "sizeBytes must be " + file.length()
                    + " (the file itself) or at least " + file.smallestPaddedSize());
        }
        return sizeBytes;
    }
}
