package castad.simulators.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The committed media every simulated job hands out: one MP3 for every song, one MP4 for every
 * render, one JPEG for every cover and snapshot. Loaded once (a few tens of KB), served padded or not.
 */
@Component
public class MediaAssets {

    private final MediaFile song;
    private final MediaFile video;
    private final MediaFile image;
    private final long padToBytes;

    MediaAssets(MediaSettings settings) {
        var mp3 = read("media/song.mp3");
        var mp4 = read("media/video.mp4");
        song = new MediaFile(mp3, MediaType.parseMediaType("audio/mpeg"), Padding.ZERO_FILL, Mp3Frames.seconds(mp3));
        video = new MediaFile(mp4, MediaType.parseMediaType("video/mp4"), Padding.FREE_BOX, Mp4Boxes.seconds(mp4));
        image = new MediaFile(read("media/cover.jpg"), MediaType.IMAGE_JPEG, Padding.NONE, 0);
        padToBytes = checked(settings.padToBytes());
    }

    public MediaFile song() {
        return song;
    }

    public MediaFile video() {
        return video;
    }

    public MediaFile image() {
        return image;
    }

    /** The size a song or video is served at when the request names none (the configured padding). */
    public long servedSize(MediaFile file) {
        return padToBytes > 0 && file != image ? padToBytes : file.length();
    }

    private long checked(long padTo) {
        for (var file : List.of(song, video)) {
            if (padTo > 0 && !file.canServeAs(padTo)) {
                throw new IllegalStateException("castad.simulators.media.pad-to-bytes must be 0 or at least "
                        + Math.max(song.smallestPaddedSize(), video.smallestPaddedSize()) + ", was " + padTo);
            }
        }
        return padTo;
    }

    private static byte[] read(String path) {
        try (var in = new ClassPathResource(path, MediaAssets.class.getClassLoader()).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("missing media asset " + path, e);
        }
    }
}
