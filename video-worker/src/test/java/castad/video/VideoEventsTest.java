package castad.video;

import static org.assertj.core.api.Assertions.assertThat;

import castad.common.kafka.EventDeserializer;
import castad.testsupport.ListenerContracts;
import org.junit.jupiter.api.Test;

class VideoEventsTest {

    @Test
    void everyEventTypeItHandlesIsOneItAsksForAndNoOther() {
        assertThat(ListenerContracts.handledEvents(VideoEvents.class)).isNotEmpty()
                .isEqualTo(ListenerContracts.wantedEvents(VideoEvents.class, EventDeserializer.WANTED));
    }
}
