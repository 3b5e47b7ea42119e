package castad.common.stage;

import castad.common.http.PaidRequestMarks;
import castad.common.http.ProviderCallRefused;
import castad.common.http.ProviderFailure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paid submission of a claimed attempt of a waiting stage (song, video), the same for every provider:
 * submit outside any transaction, store the provider's id at once; a transient failure that outlasted the
 * retries hands the attempt back for later, a final one fails it, a refused call hands it back untouched.
 * While the submission runs, the attempt's lease is renewed ({@link #renewLeases}). An accepted submission
 * after a dead claimant that may already have paid is a resubmission: counted and logged.
 */
public final class StageSubmissions {

    private static final Logger log = LoggerFactory.getLogger(StageSubmissions.class);

    private final WaitingStageStore store;
    private final String provider;
    private final Counter resubmissions;
    private final LiveClaims live = new LiveClaims();

    public StageSubmissions(WaitingStageStore store, String provider, MeterRegistry meters) {
        this.store = store;
        this.provider = provider;
        this.resubmissions = resubmissionsCounter(meters, provider);
    }

    /** {@code castad_provider_resubmissions_total{provider}}: accepted submissions that may have paid twice. */
    public static Counter resubmissionsCounter(MeterRegistry meters, String provider) {
        return Counter.builder("castad.provider.resubmissions").tag("provider", provider)
                .description("Paid submissions accepted after a claimant died between sending its request and"
                        + " storing the answer: the provider may have been paid twice")
                .register(meters);
    }

    /** {@code submission} sends the paid request with the marks it is given and returns the provider's id. */
    public void submit(Claim claim, Function<PaidRequestMarks, String> submission) {
        if (claim.takeover()) {
            log.info("Attempt {} of task {} taken over from a claimant that died ({}): submitting to {}",
                    claim.stageId(), claim.taskId(), claim.predecessorMayHavePaid()
                            ? "it may have sent its request" : "it sent nothing", provider);
        }
        try (var held = live.hold(claim.stageId())) {
            String externalId = submission.apply(store.marks(claim));
            if (store.submitted(claim, externalId) && claim.predecessorMayHavePaid()) {
                resubmissions.increment();
                log.warn("Attempt {} of task {} submitted to {} again after a claimant died between sending and "
                        + "storing the answer: the provider may have been paid twice", claim.stageId(), claim.taskId(),
                        provider);
            }
        } catch (ProviderFailure failure) {
            boolean again = store.submissionFailed(claim, failure);
            log.warn("Attempt {} of task {} {}: {} {}", claim.stageId(), claim.taskId(),
                    again ? "pending again, tried later (" + provider + " kept failing)" : "failed",
                    failure.errorCode(), failure.getMessage());
        } catch (ProviderCallRefused refused) {
            store.handBack(claim, WaitingStageStore.HandBack.REFUSED);
            log.info("Attempt {} of task {} handed back, pending again: {} not called ({})", claim.stageId(),
                    claim.taskId(), provider, refused.reason());
        }
    }

    /** Extends the leases of the attempts this instance is submitting now. */
    public void renewLeases(String owner) {
        store.renewLeases(owner, live);
    }
}
