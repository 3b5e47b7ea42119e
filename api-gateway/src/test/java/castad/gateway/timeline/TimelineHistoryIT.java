package castad.gateway.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import castad.common.event.Stage;
import castad.common.event.StageQueued;
import castad.common.event.StageStarted;
import castad.common.outbox.Outbox;
import castad.gateway.StatementCounter;
import castad.testsupport.InfrastructureTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The same context as GatewayStagesIT (shared by Spring's test context cache). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "castad.callbacks.token=the-test-callback-token")
@Import(StatementCounter.class)
class TimelineHistoryIT extends InfrastructureTest {

    @Autowired
    TimelineHistory history;
    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theHistoriesOfManyTasksAreReadTogetherEachInItsOrder() {
        String first = task();
        String second = task();
        transactions.executeWithoutResult(s -> {
            outbox.append(new StageQueued(first, Stage.LYRIC, 1));
            outbox.append(new StageQueued(second, Stage.LYRIC, 2));
            outbox.append(new StageStarted(first, Stage.LYRIC, 1));
        });

        var histories = history.ofAll(List.of(first, second, UUID.randomUUID().toString()));

        assertThat(histories).containsOnlyKeys(first, second);
        assertThat(histories.get(first)).extracting(TimelineEntry::eventType)
                .containsExactly("StageQueued", "StageStarted");
        assertThat(histories.get(second)).extracting(TimelineEntry::eventType).containsExactly("StageQueued");
        assertThat(histories.get(first)).isEqualTo(history.of(first));
    }

    private String task() {
        String taskId = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO project (task_id, store_name, region, language, created_at, updated_at)
                VALUES (?, 'History Shop', 'Seoul', 'ko', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))""").param(taskId).update();
        return taskId;
    }
}
