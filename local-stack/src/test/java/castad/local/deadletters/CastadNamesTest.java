package castad.local.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import castad.common.event.Topics;
import castad.common.kafka.EventHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.SerializationUtils;

/** The tool copies a few names so that it runs on the Kafka client alone; these must stay the same. */
class CastadNamesTest {

    @Test
    void theToolKnowsTheSameTopicsAsCastad() {
        assertThat(DeadLetterTopics.TOPICS).isEqualTo(Topics.ALL);
        assertThat(DeadLetterTopics.all()).containsExactlyElementsOf(Topics.ALL.stream().map(Topics::deadLetter).toList());
    }

    @Test
    void theToolReadsTheHeadersThatCastadAndSpringKafkaWrite() {
        assertThat(DeadLetter.EVENT_TYPE).isEqualTo(EventHeaders.EVENT_TYPE);
        assertThat(DeadLetter.ORIGINAL_TOPIC).isEqualTo(KafkaHeaders.DLT_ORIGINAL_TOPIC);
        assertThat(DeadLetter.EXCEPTION_MESSAGE).isEqualTo(KafkaHeaders.DLT_EXCEPTION_MESSAGE);
        assertThat(DeadLetter.EXCEPTION_FQCN).isEqualTo(KafkaHeaders.DLT_EXCEPTION_FQCN);
        assertThat(DeadLetter.EXCEPTION_CAUSE_FQCN).isEqualTo(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
        assertThat(DeadLetter.EXCEPTION_STACKTRACE).isEqualTo(KafkaHeaders.DLT_EXCEPTION_STACKTRACE);
        assertThat(KafkaHeaders.DLT_ORIGINAL_OFFSET).startsWith(DeadLetter.DLT_HEADER_PREFIX);
        assertThat(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER).startsWith(DeadLetter.DESERIALIZER_EXCEPTION_PREFIX);
        assertThat(SerializationUtils.KEY_DESERIALIZER_EXCEPTION_HEADER).startsWith(DeadLetter.DESERIALIZER_EXCEPTION_PREFIX);
    }

    @Test
    void aTopicIsNamedByItselfOrByItsDeadLetterTwin() {
        assertThat(DeadLetterTopics.resolve("castad.lyric.requested")).contains("castad.lyric.requested.dlt");
        assertThat(DeadLetterTopics.resolve("castad.lyric.requested.dlt")).contains("castad.lyric.requested.dlt");
        assertThat(DeadLetterTopics.resolve("castad.lyric.requested.dlt.dlt")).isEmpty();
        assertThat(DeadLetterTopics.resolve("lyric")).isEmpty();
    }
}
