package castad.simulators.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import castad.simulators.stats.FaultCounts;
import castad.simulators.stats.FaultTally;

class ChaosTest {

    private final FaultTally tally = new FaultTally();

    @Test
    void theSameSeedDrawsTheSameFaults() {
        var settings = new ChaosSettings(0.2, 0.1, 0.05, 300L, 0.05, false, RetryAfter.RANDOM, 123L);

        var first = draws(new Chaos(settings, tally), 500);
        var second = draws(new Chaos(settings, new FaultTally()), 500);
        var chaos = new Chaos(settings, new FaultTally());
        draws(chaos, 17);
        chaos.change(settings);

        assertThat(second).isEqualTo(first);
        assertThat(draws(chaos, 500)).isEqualTo(first);
    }

    @Test
    void drawsEachFaultAboutAsOftenAsItsRateAndCountsEveryOne() {
        var chaos = new Chaos(new ChaosSettings(0.2, 0.1, 0.05, 300L, 0.05, false, null, 7L), tally);

        var kinds = new EnumMap<Fault.Kind, Integer>(Fault.Kind.class);
        IntStream.range(0, 20_000).forEach(i -> kinds.merge(chaos.draw().kind(), 1, Integer::sum));

        assertThat(kinds.get(Fault.Kind.ERROR) / 20_000.0).isBetween(0.18, 0.22);
        assertThat(kinds.get(Fault.Kind.RATE_LIMIT) / 20_000.0).isBetween(0.08, 0.12);
        assertThat(kinds.get(Fault.Kind.SLOW) / 20_000.0).isBetween(0.04, 0.06);
        assertThat(kinds.get(Fault.Kind.DROP) / 20_000.0).isBetween(0.04, 0.06);
        assertThat(tally.counts()).isEqualTo(new FaultCounts(kinds.get(Fault.Kind.ERROR), kinds.get(Fault.Kind.RATE_LIMIT),
                kinds.get(Fault.Kind.SLOW), kinds.get(Fault.Kind.DROP)));
    }

    @Test
    void aRateOfOneAlwaysDrawsThatFaultWithItsDetails() {
        var slow = new Chaos(new ChaosSettings(null, null, 1.0, 250L, null, null, null, 1L), tally).draw();
        var drop = new Chaos(new ChaosSettings(null, null, null, null, 1.0, true, null, 1L), tally).draw();
        var limited = new Chaos(new ChaosSettings(null, 1.0, null, null, null, null, RetryAfter.PRESENT, 1L), tally).draw();
        var bare = new Chaos(new ChaosSettings(null, 1.0, null, null, null, null, RetryAfter.ABSENT, 1L), tally).draw();

        assertThat(slow.kind()).isEqualTo(Fault.Kind.SLOW);
        assertThat(slow.delay().toMillis()).isEqualTo(250);
        assertThat(drop.dropsAfter()).isTrue();
        assertThat(drop.dropsBefore()).isFalse();
        assertThat(limited.retryAfterWait()).hasValueSatisfying(wait -> assertThat(wait.toMillis()).isBetween(100L, 1000L));
        assertThat(limited.retryAfterSeconds().getFirst("Retry-After")).isEqualTo("1");
        assertThat(bare.retryAfterWait()).isEmpty();
        assertThat(bare.retryAfterSeconds().isEmpty()).isTrue();
    }

    @Test
    void aRandomRetryAfterIsSometimesThereAndSometimesNot() {
        var chaos = new Chaos(new ChaosSettings(null, 1.0, null, null, null, null, RetryAfter.RANDOM, 99L), tally);

        var present = IntStream.range(0, 100).mapToObj(i -> chaos.draw().retryAfterWait().isPresent()).toList();

        assertThat(present).contains(true, false);
    }

    @Test
    void drawsNothingWhenOffAndStopsWhenStopped() {
        var chaos = new Chaos(ChaosSettings.OFF, tally);
        assertThat(draws(chaos, 100)).containsOnly(Fault.Kind.NONE);

        chaos.change(new ChaosSettings(1.0, null, null, null, null, null, null, null));
        assertThat(chaos.draw().kind()).isEqualTo(Fault.Kind.ERROR);
        chaos.stop();

        assertThat(draws(chaos, 100)).containsOnly(Fault.Kind.NONE);
        assertThat(tally.counts()).isEqualTo(new FaultCounts(1, 0, 0, 0));
    }

    @Test
    void reportsTheSeedItChoseWhenNoneWasGiven() {
        var chaos = new Chaos(new ChaosSettings(0.5, null, null, null, null, null, null, null), tally);

        var seed = chaos.settings().seed();
        var drawn = draws(chaos, 50);

        assertThat(seed).isNotNull();
        assertThat(draws(new Chaos(chaos.settings(), new FaultTally()), 50)).isEqualTo(drawn);
    }

    @Test
    void fillsInTheDefaultsAndRefusesRatesAboveOne() {
        assertThat(ChaosSettings.OFF).isEqualTo(new ChaosSettings(0.0, 0.0, 0.0, 5000L, 0.0, false, RetryAfter.PRESENT, null));
        assertThat(ChaosSettings.OFF.isOff()).isTrue();
        assertThat(new ChaosSettings(0.5, 0.25, 0.125, null, 0.125, null, null, null).isWithinOne()).isTrue();
        assertThat(new ChaosSettings(0.6, null, null, null, 0.6, null, null, null).isWithinOne()).isFalse();
    }

    private static List<Fault.Kind> draws(Chaos chaos, int count) {
        return IntStream.range(0, count).mapToObj(i -> chaos.draw().kind()).toList();
    }
}
