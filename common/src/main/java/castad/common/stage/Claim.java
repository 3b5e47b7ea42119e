package castad.common.stage;

/**
 * A stage attempt this instance holds the lease of. {@code takeover} is true when an earlier claimant's
 * lease ran out before it stored the provider's id: the provider may have accepted that earlier submission.
 */
public record Claim(String taskId, long stageId, String owner, boolean takeover) {
}
