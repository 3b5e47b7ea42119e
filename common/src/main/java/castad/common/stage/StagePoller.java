package castad.common.stage;

import castad.common.http.ProviderCallRefused;
import castad.common.http.ProviderFailure;
import castad.common.http.ProviderGuard;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The fallback when a provider's webhook is late or lost, the keeper of deadlines, and the sweeper of claims whose
 * instance died and of rows left pending, for one waiting stage (song, video), at its rows'
 * {@link WaitingStageSettings settings}. Each tick, every {@code pollerTick}: claims the attempts due for a poll (one
 * instance per attempt, by pushing its next poll out in the same short transaction) and asks the provider outside any
 * transaction; drives abandoned claims and stale pending rows (their claim is conditional: one instance runs each);
 * fails attempts past their deadline.
 * While the provider's circuit is open it neither polls nor submits; deadlines still pass.
 */
public final class StagePoller implements SchedulingConfigurer {

    public static final String STAGE_TIMEOUT = "STAGE_TIMEOUT";
    private static final Logger log = LoggerFactory.getLogger(StagePoller.class);

    private final String what;
    private final WaitingStageStore rows;
    private final StageSweeps sweeps;
    private final ProviderGuard guard;
    private final WaitingStageSettings settings;
    private final Consumer<PollTarget> ask;
    private final LongConsumer drive;

    /**
     * @param ask   asks the provider where one attempt stands and applies its word (may throw the provider's
     *              failure or refusal: the attempt is polled again later)
     * @param drive claims and submits one attempt if it is still to be run (the stage's command handler)
     */
    public StagePoller(WaitingStageStore rows, ProviderGuard guard, Consumer<PollTarget> ask, LongConsumer drive) {
        this.what = rows.stage().name().toLowerCase(Locale.ROOT);
        this.rows = rows;
        this.sweeps = rows.sweeps();
        this.guard = guard;
        this.settings = rows.settings();
        this.ask = ask;
        this.drive = drive;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::tick, settings.pollerTick());
    }

    public void tick() {
        try {
            if (!guard.open()) {
                sweeps.claimDuePolls(settings.pollBatch(), settings.pollInterval()).forEach(this::poll);
                Stream.concat(sweeps.abandonedClaims(settings.pollBatch()).stream(),
                                sweeps.stalePending(settings.pollBatch(), settings.stalePending()).stream())
                        .takeWhile(id -> !guard.open())
                        .forEach(drive::accept);
            }
            sweeps.pastDeadline(settings.pollBatch()).forEach(id -> rows.fail(id, STAGE_TIMEOUT,
                    "The " + what + " did not finish within " + settings.deadline()));
        } catch (RuntimeException e) {
            log.warn("The {} poller's tick failed, the next tick retries: {}", what, e.getMessage());
        }
    }

    private void poll(PollTarget target) {
        try {
            ask.accept(target);
        } catch (ProviderFailure failure) {
            log.info("Polling {} {} failed ({}); it is polled again later", what, target.stageId(), failure.errorCode());
        } catch (ProviderCallRefused refused) {
            log.debug("Polling {} {} not done ({}); it is polled again later", what, target.stageId(), refused.reason());
        }
    }
}
