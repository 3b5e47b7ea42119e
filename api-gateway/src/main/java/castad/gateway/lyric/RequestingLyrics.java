package castad.gateway.lyric;

import castad.common.event.LyricRequested;
import castad.common.event.Stage;
import castad.common.event.StageQueued;
import castad.common.outbox.Outbox;
import castad.gateway.project.Project;
import castad.gateway.project.Projects;
import castad.gateway.security.Caller;
import castad.gateway.stage.StageAlreadyRunning;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts one lyric attempt: under the project's row lock (so two requests cannot both start one), checks
 * that none is running, writes the pending row and its command in one transaction.
 */
@Service
public class RequestingLyrics {

    private final Projects projects;
    private final LyricRepository lyrics;
    private final Outbox outbox;
    private final Clock clock;

    RequestingLyrics(Projects projects, LyricRepository lyrics, Outbox outbox, Clock clock) {
        this.projects = projects;
        this.lyrics = lyrics;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Lyric request(Caller caller, String taskId, String instructions) {
        Project project = projects.lock(caller, taskId);
        if (lyrics.isRunning(project.id())) {
            throw new StageAlreadyRunning("lyric", taskId);
        }
        Lyric lyric = lyrics.save(Lyric.pending(project.id(), null, instructions, clock.instant()));
        outbox.append(new LyricRequested(taskId, lyric.id()));
        outbox.append(new StageQueued(taskId, Stage.LYRIC, lyric.id()));
        return lyric;
    }
}
