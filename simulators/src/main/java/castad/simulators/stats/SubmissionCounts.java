package castad.simulators.stats;

public record SubmissionCounts(long submissions, long duplicateSubmissions) {
}
