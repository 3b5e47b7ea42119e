package castad.simulators.media;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What tests compare a stored copy with: the unpadded assets' sizes, durations and SHA-256; and the sizes
 * songs and videos are served at. Random faults of downloads: {@code /sim/media/chaos} (ChaosController).
 */
@RestController
@RequestMapping("/sim/media")
class MediaControlController {

    private final MediaAssets assets;

    MediaControlController(MediaAssets assets) {
        this.assets = assets;
    }

    @GetMapping
    Map<String, AssetFacts> assets() {
        return Map.of("song", AssetFacts.of(assets.song(), assets), "video", AssetFacts.of(assets.video(), assets));
    }

    @GetMapping(path = "/song.sha256", produces = MediaType.TEXT_PLAIN_VALUE)
    String songSha256() {
        return assets.song().sha256();
    }

    @GetMapping(path = "/video.sha256", produces = MediaType.TEXT_PLAIN_VALUE)
    String videoSha256() {
        return assets.video().sha256();
    }

    /** Sizes songs and videos are served at from now on (0: the files as they are); answers them all. */
    @PutMapping("/sizes")
    Map<String, AssetFacts> resize(@RequestBody Sizes sizes) {
        try {
            assets.resize(sizes.songBytes(), sizes.videoBytes());
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return assets();
    }

    record Sizes(long songBytes, long videoBytes) {
    }

    record AssetFacts(long bytes, long servedBytes, double seconds, String sha256) {

        static AssetFacts of(MediaFile file, MediaAssets assets) {
            return new AssetFacts(file.length(), assets.servedSize(file), file.seconds(), file.sha256());
        }
    }
}
