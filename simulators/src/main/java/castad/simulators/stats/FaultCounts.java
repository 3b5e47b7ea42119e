package castad.simulators.stats;

/** The {@code faults} object of a provider in {@code /sim/stats}. */
public record FaultCounts(long errors, long rateLimited, long slow, long dropped) {

    public static final FaultCounts NONE = new FaultCounts(0, 0, 0, 0);
}
