package castad.simulators.creatomate;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Lets tests script what the next render requests get, change timing and webhook delivery, set random faults. */
@RestController
@RequestMapping("/sim/creatomate")
class CreatomateControlController {

    private final CreatomateFaults faults;

    CreatomateControlController(CreatomateFaults faults) {
        this.faults = faults;
    }

    @PostMapping("/script")
    CreatomateScript append(@Valid @RequestBody CreatomateScript script) {
        faults.script().append(script.outcomes());
        return pending();
    }

    @GetMapping("/script")
    CreatomateScript pending() {
        return new CreatomateScript(faults.script().pending());
    }

    @DeleteMapping("/script")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear() {
        faults.script().clear();
    }

    @PutMapping("/timing")
    RenderTimingSetting changeTiming(@Valid @RequestBody RenderTimingSetting setting) {
        faults.changeTiming(setting.timing());
        return timing();
    }

    @GetMapping("/timing")
    RenderTimingSetting timing() {
        return RenderTimingSetting.of(faults.timing());
    }

    @PutMapping("/webhooks")
    WebhooksSetting changeWebhooks(@Valid @RequestBody WebhooksSetting setting) {
        faults.changeWebhooks(setting.webhooks());
        return webhooks();
    }

    @GetMapping("/webhooks")
    WebhooksSetting webhooks() {
        return new WebhooksSetting(faults.webhooks());
    }
}
