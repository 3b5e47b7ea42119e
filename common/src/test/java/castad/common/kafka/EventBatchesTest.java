package castad.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import castad.common.event.CastadEvent;
import castad.common.event.SunoCallback;
import castad.common.tracing.TaskTraces;
import castad.testsupport.RecordedTransactions;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

class EventBatchesTest {

    private final RecordedTransactions transactions = new RecordedTransactions();
    private final List<String> handled = new ArrayList<>();
    private final EventBatches batches = new EventBatches(new TransactionTemplate(transactions),
            new TaskTraces(new StaticListableBeanFactory().getBeanProvider(io.micrometer.tracing.Tracer.class)));
    private final EventRoutes routes = new EventRoutes().on(SunoCallback.class, (callback, headers) -> {
        handled.add(callback.body() + (TransactionSynchronizationManager.isActualTransactionActive() ? "" : " outside"));
        if (callback.body().startsWith("bad")) {
            throw new IllegalStateException("cannot handle " + callback.body());
        }
    });

    @Test
    void aPollIsOneTransaction() {
        batches.handle(List.of(callback(0, "a"), unwanted(1), callback(2, "b"), callback(3, "c")), routes);

        assertThat(handled).containsExactly("a", "b", "c");
        assertThat(transactions.outcomes()).containsExactly("commit");
    }

    @Test
    void aPollOfUnwantedRecordsOpensNoTransaction() {
        batches.handle(List.of(unwanted(0), unwanted(1)), routes);

        assertThat(transactions.outcomes()).isEmpty();
    }

    @Test
    void aFailingRecordIsHandedToTheErrorHandlerAloneAndTheRecordsBeforeItCommitOneByOne() {
        ConsumerRecord<String, CastadEvent> bad = callback(2, "bad");

        assertThatThrownBy(() -> batches.handle(List.of(callback(0, "a"), callback(1, "b"), bad, callback(3, "c")),
                routes))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                    assertThat(failed.getRecord()).isSameAs(bad);
                    assertThat(failed).hasRootCauseMessage("cannot handle bad");
                });
        assertThat(handled).as("the batch, then each record alone up to the failing one")
                .containsExactly("a", "b", "bad", "a", "b", "bad");
        assertThat(transactions.outcomes()).containsExactly("rollback", "commit", "commit", "rollback");
    }

    @Test
    void anUnreadableRecordGoesToTheErrorHandlerAsUnreadableAfterTheRecordsBeforeIt() {
        ConsumerRecord<String, CastadEvent> unreadable = unwanted(1);
        SerializationUtils.deserializationException(unreadable.headers(), "not json".getBytes(),
                new IllegalArgumentException("Unreadable SunoCallback"), false);

        assertThatThrownBy(() -> batches.handle(List.of(callback(0, "a"), unreadable, callback(2, "b")), routes))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                    assertThat(failed.getRecord()).isSameAs(unreadable);
                    assertThat(failed.getCause()).isInstanceOf(DeserializationException.class)
                            .hasRootCauseMessage("Unreadable SunoCallback");
                });
        assertThat(handled).containsExactly("a");
        assertThat(transactions.outcomes()).containsExactly("commit");
    }

    private static ConsumerRecord<String, CastadEvent> callback(long offset, String body) {
        return new ConsumerRecord<>("castad.provider.callbacks", 0, offset, "task-" + offset,
                new SunoCallback("task-" + offset, offset, body));
    }

    private static ConsumerRecord<String, CastadEvent> unwanted(long offset) {
        return new ConsumerRecord<>("castad.provider.callbacks", 0, offset, "task-" + offset, null);
    }
}
