package castad.simulators.creatomate;

import java.util.List;

import castad.simulators.stats.PaidSubmissions;
import castad.simulators.stats.SubmissionLedger;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * POST /v1/renders: check the request, take the next scripted outcome, then refuse or accept with
 * 202 and an array of one render; every accepted render is a paid submission keyed by its metadata.
 * GET /v1/renders/{id}: the render as it stands now.
 */
@RestController
class RendersController {

    private final CreatomateFaults faults;
    private final Renders renders;
    private final TemplateCatalog templates;
    private final SubmissionLedger submissions;

    RendersController(CreatomateFaults faults, Renders renders, TemplateCatalog templates, PaidSubmissions paid) {
        this.faults = faults;
        this.renders = renders;
        this.templates = templates;
        this.submissions = paid.ledger("creatomate");
    }

    @PostMapping("/v1/renders")
    ResponseEntity<Object> render(@RequestBody RenderRequest request) {
        RenderRules.check(request, templates);
        var outcome = faults.script().next().orElse(CreatomateOutcome.ACCEPT);
        if (outcome.refuses()) {
            return ResponseEntity.status(outcome.httpStatus()).body(outcome.refusal());
        }
        var delivery = outcome.delivery().orElseGet(faults::webhooks);
        var render = renders.submit(request, baseUrl(), faults.timing(), outcome, delivery);
        submissions.record(request.metadata());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(List.of(renders.view(render, RenderStatus.PLANNED)));
    }

    @GetMapping("/v1/renders/{id}")
    RenderObject render(@PathVariable String id) {
        return renders.find(id).orElseThrow(() -> new CreatomateRejection(404, "The render with ID '" + id + "' was not found."));
    }

    private static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
