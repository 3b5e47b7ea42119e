package castad.common.event;

/**
 * A provider's webhook as the gateway received it (token checked), for the worker that owns the stage.
 * The body is kept as the provider sent it: parsing it is the worker's business, not the gateway's.
 */
public sealed interface ProviderCallback extends CastadEvent permits SunoCallback, CreatomateCallback {

    long stageId();

    String body();
}
