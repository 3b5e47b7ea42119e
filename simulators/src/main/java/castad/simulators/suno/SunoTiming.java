package castad.simulators.suno;

import java.time.Duration;

import castad.simulators.progress.Timeline;

/** When a task's steps come, counted from its submission: text, then first track, then complete. */
record SunoTiming(Duration textAfter, Duration firstAfter, Duration completeAfter) {

    SunoTiming {
        if (textAfter.isNegative() || firstAfter.compareTo(textAfter) < 0 || completeAfter.compareTo(firstAfter) < 0) {
            throw new IllegalArgumentException("Suno timing must satisfy 0 <= text-after <= first-after <= complete-after,"
                    + " was " + textAfter + ", " + firstAfter + ", " + completeAfter);
        }
    }

    /** The statuses a task goes through: to SUCCESS, or to the scripted failure. */
    Timeline<TaskStatus> timeline(TaskStatus failure) {
        var pending = Timeline.startingAs(TaskStatus.PENDING);
        if (failure == null) {
            return pending.then(textAfter, TaskStatus.TEXT_SUCCESS).then(firstAfter, TaskStatus.FIRST_SUCCESS)
                    .then(completeAfter, TaskStatus.SUCCESS);
        }
        if (failure == TaskStatus.CALLBACK_EXCEPTION) {
            return pending.then(textAfter, TaskStatus.TEXT_SUCCESS).then(firstAfter, TaskStatus.FIRST_SUCCESS)
                    .then(completeAfter, failure);
        }
        if (failure == TaskStatus.GENERATE_AUDIO_FAILED) {
            return pending.then(textAfter, TaskStatus.TEXT_SUCCESS).then(firstAfter, failure);
        }
        return pending.then(textAfter, failure);
    }
}
