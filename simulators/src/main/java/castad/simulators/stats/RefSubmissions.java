package castad.simulators.stats;

public record RefSubmissions(String ref, long submissions) {
}
