package castad.lyric;

/**
 * A claimed lyric attempt with everything the prompt needs. {@code predecessorMayHavePaid}: a claimant before
 * this one sent its request, OpenAI did not reject it, and the claimant died before recording the answer.
 */
public record LyricJob(String taskId, long lyricId, String leaseOwner, String storeName, String region,
                       String address, String description, String language, String instructions, int attempts,
                       boolean predecessorMayHavePaid) {

    /** A claimant before this one died (its lease ran out) before it recorded the lyrics. */
    public boolean takeover() {
        return attempts > 1;
    }

    /** Our id for this attempt, sent to the provider so that it (and its simulator) can tell attempts apart. */
    public String reference() {
        return "lyric-" + lyricId;
    }
}
