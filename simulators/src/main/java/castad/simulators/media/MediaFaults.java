package castad.simulators.media;

import castad.simulators.fault.Chaos;
import castad.simulators.stats.PaidSubmissions;
import org.springframework.stereotype.Component;

/**
 * Random faults of the media downloads (slow answers, dropped connections), counted as the faults of
 * {@code media} in {@code /sim/stats} (downloads are never paid: its submissions stay 0).
 */
@Component
class MediaFaults {

    private final Chaos chaos;

    MediaFaults(MediaSettings settings, PaidSubmissions paid) {
        this.chaos = new Chaos(settings.chaos(), paid.ledger("media").faults());
    }

    Chaos chaos() {
        return chaos;
    }
}
