package castad.common.http;

/**
 * Marks kept beside an attempt around each paid request (a submission the provider charges for), so that an
 * instance taking over a dead claimant's attempt knows whether that claimant may already have paid: only
 * then is submitting again a resubmission (counted in {@code castad_provider_resubmissions_total}).
 */
public interface PaidRequestMarks {

    /** None kept: for calls outside an attempt. */
    PaidRequestMarks NONE = new PaidRequestMarks() {
        @Override
        public void sending() {
        }

        @Override
        public void rejected() {
        }
    };

    /**
     * Just before the request is sent, after every wait for a permit, a slot or a backoff. (A stage's marks take
     * the first request of a claim as marked by the claim itself: {@code castad.common.stage.SendingMarks}.)
     */
    void sending();

    /** The provider answered the request with an error status: it did not take it, nothing was paid. */
    void rejected();
}
