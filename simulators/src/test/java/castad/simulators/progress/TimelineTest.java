package castad.simulators.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TimelineTest {

    private final Timeline<String> timeline = Timeline.startingAs("planned")
            .then(Duration.ofMillis(100), "rendering").then(Duration.ofMillis(300), "succeeded");

    @Test
    void isInEachStateFromTheMomentItBegins() {
        assertThat(timeline.stateAt(Duration.ZERO)).isEqualTo("planned");
        assertThat(timeline.stateAt(Duration.ofMillis(99))).isEqualTo("planned");
        assertThat(timeline.stateAt(Duration.ofMillis(100))).isEqualTo("rendering");
        assertThat(timeline.stateAt(Duration.ofMillis(299))).isEqualTo("rendering");
        assertThat(timeline.stateAt(Duration.ofMillis(300))).isEqualTo("succeeded");
        assertThat(timeline.stateAt(Duration.ofDays(1))).isEqualTo("succeeded");
    }

    @Test
    void listsTheChangesAfterTheInitialState() {
        assertThat(timeline.changes()).extracting(Timeline.Step::state).containsExactly("rendering", "succeeded");
        assertThat(timeline.changes()).extracting(Timeline.Step::at)
                .containsExactly(Duration.ofMillis(100), Duration.ofMillis(300));
    }

    @Test
    void takesStepsAtTheSameMomentButNeverBeforeThePreviousOne() {
        var instant = Timeline.startingAs(1).then(Duration.ZERO, 2).then(Duration.ZERO, 3);

        assertThat(instant.stateAt(Duration.ZERO)).isEqualTo(3);
        assertThatThrownBy(() -> timeline.then(Duration.ofMillis(200), "late")).isInstanceOf(IllegalArgumentException.class);
    }
}
