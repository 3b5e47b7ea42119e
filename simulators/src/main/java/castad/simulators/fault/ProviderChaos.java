package castad.simulators.fault;

/**
 * One simulator's random faults, changed at run time through {@code /sim/{provider}/chaos}
 * ({@link ChaosController}). {@code slowOrDropOnly}: it takes only slow answers and dropped connections
 * (downloads have no error or rate-limit answers).
 */
public record ProviderChaos(String provider, Chaos chaos, boolean slowOrDropOnly) {
}
