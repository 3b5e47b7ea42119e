package castad.lyric;

/** A claimed lyric attempt with everything the prompt needs. */
public record LyricJob(String taskId, long lyricId, String leaseOwner, String storeName, String region,
                       String address, String description, String language, String instructions, int attempts) {

    /** A claimant before this one died while its call was in flight: OpenAI may already have answered it. */
    public boolean takeover() {
        return attempts > 1;
    }

    /** Our id for this attempt, sent to the provider so that it (and its simulator) can tell attempts apart. */
    public String reference() {
        return "lyric-" + lyricId;
    }
}
