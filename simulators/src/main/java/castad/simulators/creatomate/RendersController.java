package castad.simulators.creatomate;

import java.util.List;

import castad.simulators.fault.Fault;
import castad.simulators.stats.PaidSubmissions;
import castad.simulators.stats.SubmissionLedger;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * POST /v2/renders and /v1/renders: check the request, take the next scripted outcome (or, without one, draw a
 * random fault), then refuse or accept with 202 and the render: one render object from v2, an array of one from v1
 * (or, scripted, an answer that cannot be read); every accepted render is a paid submission keyed by its metadata.
 * GET /v2/renders/{id} and /v1/renders/{id}: the render as it stands now (or a random fault).
 */
@RestController
class RendersController {

    private final CreatomateFaults faults;
    private final Renders renders;
    private final TemplateCatalog templates;
    private final SubmissionLedger submissions;
    private final ChaosAnswers chaos;

    RendersController(CreatomateFaults faults, Renders renders, TemplateCatalog templates, PaidSubmissions paid,
                      ChaosAnswers chaos) {
        this.faults = faults;
        this.renders = renders;
        this.templates = templates;
        this.submissions = paid.ledger("creatomate");
        this.chaos = chaos;
    }

    @PostMapping("/v2/renders")
    DeferredResult<ResponseEntity<Object>> renderV2(@RequestBody RenderRequest request) {
        return render(request, false);
    }

    @PostMapping("/v1/renders")
    DeferredResult<ResponseEntity<Object>> renderV1(@RequestBody RenderRequest request) {
        return render(request, true);
    }

    private DeferredResult<ResponseEntity<Object>> render(RenderRequest request, boolean asArray) {
        RenderRules.check(request, templates);
        var scripted = faults.script().next();
        var fault = scripted.isPresent() ? Fault.NONE : faults.chaos().draw();
        var outcome = scripted.orElse(CreatomateOutcome.ACCEPT);
        return chaos.answer(fault, () -> {
            if (outcome.refuses()) {
                return ResponseEntity.status(outcome.httpStatus()).body(outcome.refusal());
            }
            var delivery = outcome.delivery().orElseGet(faults::webhooks);
            var render = renders.submit(request, baseUrl(), faults.timing(), outcome, delivery);
            submissions.record(request.metadata());
            if (outcome.unreadableAcceptance()) {
                return ResponseEntity.status(HttpStatus.ACCEPTED).contentType(MediaType.TEXT_HTML)
                        .body("<html><body>Render queued</body></html>");
            }
            Object view = renders.view(render, RenderStatus.PLANNED);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(asArray ? List.of(view) : view);
        });
    }

    @GetMapping({"/v2/renders/{id}", "/v1/renders/{id}"})
    DeferredResult<ResponseEntity<Object>> render(@PathVariable String id) {
        return chaos.answer(faults.chaos().draw(), () -> ResponseEntity.ok(renders.find(id).orElseThrow(
                () -> new CreatomateRejection(404, "The render with ID '" + id + "' was not found."))));
    }

    private static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
