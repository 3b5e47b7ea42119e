package castad.simulators.creatomate;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import castad.simulators.stats.PaidSubmissions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** GET /v1/templates and /v1/templates/{id}; each template fetched counts in {@code /sim/stats}. */
@RestController
class TemplatesController {

    private final TemplateCatalog templates;
    private final LongAdder fetches;

    TemplatesController(TemplateCatalog templates, PaidSubmissions paid) {
        this.templates = templates;
        this.fetches = paid.ledger("creatomate").counter("templateFetches");
    }

    @GetMapping("/v1/templates")
    List<Template.Summary> all() {
        return templates.summaries();
    }

    @GetMapping("/v1/templates/{id}")
    Template one(@PathVariable String id) {
        var template = templates.find(id)
                .orElseThrow(() -> new CreatomateRejection(404, "The template with ID '" + id + "' was not found."));
        fetches.increment();
        return template;
    }
}
