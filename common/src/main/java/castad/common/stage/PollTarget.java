package castad.common.stage;

/** A submitted attempt due for a status check at the provider. */
public record PollTarget(String taskId, long stageId, String externalId) {
}
