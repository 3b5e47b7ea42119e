package castad.simulators.openai;

import java.time.Duration;

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

/** Lets tests script what the next chat requests get, change the default latency and set random faults. */
@RestController
@RequestMapping("/sim/openai")
class OpenAiControlController {

    private final OpenAiFaults faults;

    OpenAiControlController(OpenAiFaults faults) {
        this.faults = faults;
    }

    @PostMapping("/script")
    Script append(@Valid @RequestBody Script script) {
        faults.script().append(script.outcomes());
        return pending();
    }

    @GetMapping("/script")
    Script pending() {
        return new Script(faults.script().pending());
    }

    @DeleteMapping("/script")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear() {
        faults.script().clear();
    }

    @PutMapping("/latency")
    LatencySetting changeLatency(@Valid @RequestBody LatencySetting setting) {
        faults.latency().change(Duration.ofMillis(setting.latencyMs()));
        return latency();
    }

    @GetMapping("/latency")
    LatencySetting latency() {
        return new LatencySetting(faults.latency().current().toMillis());
    }
}
