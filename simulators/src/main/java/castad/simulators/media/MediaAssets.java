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
    private volatile long songBytes;
    private volatile long videoBytes;

    MediaAssets(MediaSettings settings) {
        var mp3 = read("media/song.mp3");
        var mp4 = read("media/video.mp4");
        song = new MediaFile(mp3, MediaType.parseMediaType("audio/mpeg"), Padding.ZERO_FILL, Mp3Frames.seconds(mp3));
        video = new MediaFile(mp4, MediaType.parseMediaType("video/mp4"), Padding.FREE_BOX, Mp4Boxes.seconds(mp4));
        image = new MediaFile(read("media/cover.jpg"), MediaType.IMAGE_JPEG, Padding.NONE, 0);
        long padTo = checked(settings.padToBytes(), List.of(song, video), "castad.simulators.media.pad-to-bytes");
        songBytes = padTo;
        videoBytes = padTo;
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
        long padTo = file == song ? songBytes : file == video ? videoBytes : 0;
        return padTo > 0 ? padTo : file.length();
    }

    /**
     * Serves songs and videos padded to these sizes from now on (0: the file as it is), e.g. realistic sizes
     * for a benchmark; refused (IllegalArgumentException) below a file's smallest padded size.
     */
    public void resize(long songPadTo, long videoPadTo) {
        checked(songPadTo, List.of(song), "songBytes");
        checked(videoPadTo, List.of(video), "videoBytes");
        songBytes = songPadTo;
        videoBytes = videoPadTo;
    }

    private static long checked(long padTo, List<MediaFile> files, String name) {
        for (var file : files) {
            if (padTo < 0 || padTo > 0 && !file.canServeAs(padTo)) {
                throw new IllegalArgumentException(name + " must be 0 or at least "
                        + files.stream().mapToLong(MediaFile::smallestPaddedSize).max().orElse(0) + ", was " + padTo);
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
