package castad.common.event;

/**
 * Everything castad puts on Kafka. The record key is always {@link #taskId()}, so all events of one
 * task stay in order on one partition.
 */
public sealed interface CastadEvent permits StageCommand, PipelineEvent, ProviderCallback {

    String taskId();
}
