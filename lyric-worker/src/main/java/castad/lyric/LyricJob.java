package castad.lyric;

/**
 * A claimed lyric attempt with everything the prompt needs. {@code takeover}: a claimant before this one died
 * (its lease ran out) before it recorded the lyrics. {@code predecessorMayHavePaid}: a dead claimant sent its
 * request, OpenAI did not reject it, and nothing was recorded since ({@link castad.common.stage.SendingMarks}).
 */
public record LyricJob(String taskId, long lyricId, String leaseOwner, String storeName, String region,
                       String address, String description, String language, String instructions,
                       boolean takeover, boolean predecessorMayHavePaid) {

    /** Our id for this attempt, sent to the provider so that it (and its simulator) can tell attempts apart. */
    public String reference() {
        return "lyric-" + lyricId;
    }
}
