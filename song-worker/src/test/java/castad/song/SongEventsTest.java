package castad.song;

import static org.assertj.core.api.Assertions.assertThat;

import castad.common.kafka.EventDeserializer;
import castad.testsupport.ListenerContracts;
import org.junit.jupiter.api.Test;

class SongEventsTest {

    @Test
    void everyEventTypeItRoutesIsOneItAsksForAndNoOther() {
        var listener = new SongEvents(null, null, null, null, null);

        assertThat(listener.routes().eventTypes()).isNotEmpty()
                .isEqualTo(ListenerContracts.wantedEvents(SongEvents.class, EventDeserializer.WANTED));
    }
}
