package castad.common.stage;

import castad.common.event.Stage;
import castad.common.outbox.Outbox;
import java.time.Clock;
import java.util.Locale;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Makes the {@link WaitingStageStore} of a waiting stage, with its settings from {@code castad.<stage>.*}. */
public class WaitingStages {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final PipelineOutcomes pipelines;
    private final Clock clock;
    private final Environment environment;

    WaitingStages(JdbcClient jdbc, TransactionTemplate transactions, Outbox outbox, PipelineOutcomes pipelines,
                  Clock clock, Environment environment) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
        this.pipelines = pipelines;
        this.clock = clock;
        this.environment = environment;
    }

    public WaitingStageStore rows(Stage stage) {
        var settings = WaitingStageSettings.of(environment, "castad." + stage.name().toLowerCase(Locale.ROOT));
        return new WaitingStageStore(stage, settings, jdbc, transactions, outbox, pipelines, clock);
    }
}
