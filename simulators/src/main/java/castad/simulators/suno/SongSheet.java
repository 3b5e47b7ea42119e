package castad.simulators.suno;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import castad.simulators.media.MediaAssets;
import org.springframework.stereotype.Component;

/**
 * The songs of a task as they stand at a status: none while PENDING or failed; from TEXT_SUCCESS
 * ids, title, tags and lyrics; from FIRST_SUCCESS a stream URL; at SUCCESS the MP3 URL and duration.
 */
@Component
class SongSheet {

    private static final DateTimeFormatter CREATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final double duration;

    SongSheet(MediaAssets media) {
        this.duration = BigDecimal.valueOf(media.song().seconds()).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    List<SunoSong> songs(SunoTask task, TaskStatus status) {
        if (!status.hasSongs()) {
            return List.of();
        }
        return IntStream.rangeClosed(1, task.songIds().size()).mapToObj(n -> song(task, status, n)).toList();
    }

    private SunoSong song(SunoTask task, TaskStatus status, int n) {
        var file = task.baseUrl() + "/media/songs/" + task.taskId() + "-" + n + ".mp3";
        var request = task.request();
        return new SunoSong(task.songIds().get(n - 1),
                status.audioDone() ? file : "",
                status.streamable() ? file + "?stream=true" : "",
                task.baseUrl() + "/media/images/" + task.taskId() + "-" + n + ".jpg",
                lyrics(request), request.sunoModel().songModelName(), title(request),
                request.custom() ? request.style() : "pop",
                CREATE_TIME.format(task.createdAt()),
                status.audioDone() ? duration : null);
    }

    private static String lyrics(GenerateRequest request) {
        return request.withoutVocals() || request.prompt() == null ? "" : request.prompt();
    }

    /** The requested title, or outside custom mode the first words of the description. */
    private static String title(GenerateRequest request) {
        if (request.custom()) {
            return request.title();
        }
        return Arrays.stream(request.prompt().trim().split("\\s+")).limit(4).collect(Collectors.joining(" "));
    }
}
