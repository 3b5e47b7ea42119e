package castad.common.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventTypesTest {

    @Test
    void everyConcreteEventOfTheSealedFamilyIsKnownByItsSimpleName() {
        assertThat(EventTypes.classOf("LyricRequested")).contains(LyricRequested.class);
        assertThat(EventTypes.classOf("StageFailed")).contains(StageFailed.class);
        assertThat(EventTypes.classOf("PipelineEvent")).isEmpty();
        assertThat(EventTypes.classOf("Nope")).isEmpty();
    }

    @Test
    void commandsGoToTheirStageTopicAndStageChangesToTheTimeline() {
        assertThat(Topics.of(new LyricRequested("t", 1))).isEqualTo(Topics.LYRIC_REQUESTED);
        assertThat(Topics.of(new StageStarted("t", Stage.LYRIC, 1))).isEqualTo(Topics.PIPELINE_EVENTS);
        assertThat(Topics.deadLetter(Topics.LYRIC_REQUESTED)).isEqualTo("castad.lyric.requested.dlt");
    }
}
