package castad.common.stage;

/**
 * One instance's hold on an attempt. {@code takeover}: an earlier claimant's lease ran out (it died).
 * {@code predecessorMayHavePaid}: a claimant before this one sent a paid request that the provider did not
 * reject, and died before storing its answer; if this claim's request is accepted, the provider may have
 * been paid twice (a resubmission).
 */
public record Claim(String taskId, long stageId, String owner, boolean takeover, boolean predecessorMayHavePaid) {
}
