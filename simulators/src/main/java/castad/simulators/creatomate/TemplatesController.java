package castad.simulators.creatomate;

import java.util.concurrent.atomic.LongAdder;

import castad.simulators.stats.PaidSubmissions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * GET /v2/templates and /v2/templates/{id}, and the same under /v1 (or a random fault); each template fetched counts in
 * {@code /sim/stats}.
 */
@RestController
class TemplatesController {

    private final TemplateCatalog templates;
    private final LongAdder fetches;
    private final CreatomateFaults faults;
    private final ChaosAnswers chaos;

    TemplatesController(TemplateCatalog templates, PaidSubmissions paid, CreatomateFaults faults, ChaosAnswers chaos) {
        this.templates = templates;
        this.fetches = paid.ledger("creatomate").counter("templateFetches");
        this.faults = faults;
        this.chaos = chaos;
    }

    @GetMapping({"/v2/templates", "/v1/templates"})
    DeferredResult<ResponseEntity<Object>> all() {
        return chaos.answer(faults.chaos().draw(), () -> ResponseEntity.ok(templates.summaries()));
    }

    @GetMapping({"/v2/templates/{id}", "/v1/templates/{id}"})
    DeferredResult<ResponseEntity<Object>> one(@PathVariable String id) {
        return chaos.answer(faults.chaos().draw(), () -> {
            var template = templates.find(id)
                    .orElseThrow(() -> new CreatomateRejection(404, "The template with ID '" + id + "' was not found."));
            fetches.increment();
            return ResponseEntity.ok(template);
        });
    }
}
