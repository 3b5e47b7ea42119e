package castad.video;

import static org.assertj.core.api.Assertions.assertThat;

import castad.common.kafka.EventDeserializer;
import castad.testsupport.ListenerContracts;
import org.junit.jupiter.api.Test;

class VideoEventsTest {

    @Test
    void everyEventTypeItRoutesIsOneItAsksForAndNoOther() {
        var listener = new VideoEvents(null, null, null, null, null);

        assertThat(listener.routes().eventTypes()).isNotEmpty()
                .isEqualTo(ListenerContracts.wantedEvents(VideoEvents.class, EventDeserializer.WANTED));
    }
}
