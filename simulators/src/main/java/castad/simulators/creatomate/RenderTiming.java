package castad.simulators.creatomate;

import java.time.Duration;

import castad.simulators.progress.Timeline;

/** When a render's statuses come, counted from its submission. */
record RenderTiming(Duration waitingAfter, Duration transcribingAfter, Duration renderingAfter, Duration finishedAfter) {

    RenderTiming {
        if (waitingAfter.isNegative() || transcribingAfter.compareTo(waitingAfter) < 0
                || renderingAfter.compareTo(transcribingAfter) < 0 || finishedAfter.compareTo(renderingAfter) < 0) {
            throw new IllegalArgumentException("Creatomate timing must satisfy 0 <= waiting-after <= transcribing-after"
                    + " <= rendering-after <= finished-after, was " + waitingAfter + ", " + transcribingAfter + ", "
                    + renderingAfter + ", " + finishedAfter);
        }
    }

    Timeline<RenderStatus> timeline(RenderStatus end) {
        return Timeline.startingAs(RenderStatus.PLANNED).then(waitingAfter, RenderStatus.WAITING)
                .then(transcribingAfter, RenderStatus.TRANSCRIBING).then(renderingAfter, RenderStatus.RENDERING)
                .then(finishedAfter, end);
    }
}
