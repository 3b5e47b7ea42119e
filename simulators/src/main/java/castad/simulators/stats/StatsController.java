package castad.simulators.stats;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/sim/stats")
class StatsController {

    private final PaidSubmissions submissions;

    StatsController(PaidSubmissions submissions) {
        this.submissions = submissions;
    }

    @GetMapping
    Map<String, SubmissionCounts> all() {
        return submissions.counts();
    }

    @GetMapping("/{provider}/{ref}")
    RefSubmissions forRef(@PathVariable String provider, @PathVariable String ref) {
        var ledger = submissions.find(provider)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "unknown provider " + provider));
        return new RefSubmissions(ref, ledger.submissionsFor(ref));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset() {
        submissions.reset();
    }
}
