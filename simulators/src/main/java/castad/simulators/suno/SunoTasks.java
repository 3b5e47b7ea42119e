package castad.simulators.suno;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import castad.simulators.callback.CallbackDelivery;
import castad.simulators.callback.CallbackPoster;
import castad.simulators.progress.StepTimer;
import castad.simulators.progress.Stopwatch;
import org.springframework.stereotype.Component;

/**
 * The accepted generation tasks, each kept for the configured retention. A task's status is computed
 * from the time since its submission; its callbacks are scheduled at submission, each built when due.
 */
@Component
class SunoTasks {

    private static final int SONGS_PER_TASK = 2;

    private final Map<String, SunoTask> tasks = new ConcurrentHashMap<>();
    private final SongSheet songs;
    private final StepTimer timer;
    private final CallbackPoster callbacks;
    private final Clock clock;
    private final Duration retention;

    SunoTasks(SongSheet songs, StepTimer timer, CallbackPoster callbacks, Clock clock, SunoSettings settings) {
        this.songs = songs;
        this.timer = timer;
        this.callbacks = callbacks;
        this.clock = clock;
        this.retention = settings.retention();
    }

    SunoTask submit(GenerateRequest request, String param, String baseUrl, SunoTiming timing, SunoOutcome outcome,
                    CallbackDelivery delivery) {
        var task = new SunoTask(UUID.randomUUID().toString().replace("-", ""), param, request, baseUrl, clock.instant(),
                Stopwatch.start(), timing.timeline(outcome.failure().orElse(null)), outcome.errorMessage(), songIds());
        tasks.put(task.taskId(), task);
        scheduleCallbacks(task, delivery);
        var kept = retention.compareTo(timing.completeAfter()) >= 0 ? retention : timing.completeAfter();
        timer.after(kept, () -> tasks.remove(task.taskId()));
        return task;
    }

    Optional<RecordInfo> record(String taskId) {
        return Optional.ofNullable(tasks.get(taskId)).map(task -> {
            var status = task.status();
            return RecordInfo.of(task, status, songs.songs(task, status));
        });
    }

    private void scheduleCallbacks(SunoTask task, CallbackDelivery delivery) {
        if (delivery == CallbackDelivery.DROP) {
            return;
        }
        var line = callbacks.line(URI.create(task.request().callBackUrl()), delivery);
        for (var step : task.timeline().changes()) {
            var status = step.state();
            if (!status.announced()) {
                continue;
            }
            timer.after(step.at(), () -> line.send(SunoCallback.of(task, status, songs.songs(task, status))));
        }
    }

    private static List<String> songIds() {
        return Stream.generate(() -> UUID.randomUUID().toString()).limit(SONGS_PER_TASK).toList();
    }
}
