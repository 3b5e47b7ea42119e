package castad.simulators.suno;

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

/** Lets tests script what the next generate requests get, change timing and callback delivery, set random faults. */
@RestController
@RequestMapping("/sim/suno")
class SunoControlController {

    private final SunoFaults faults;

    SunoControlController(SunoFaults faults) {
        this.faults = faults;
    }

    @PostMapping("/script")
    SunoScript append(@Valid @RequestBody SunoScript script) {
        faults.script().append(script.outcomes());
        return pending();
    }

    @GetMapping("/script")
    SunoScript pending() {
        return new SunoScript(faults.script().pending());
    }

    @DeleteMapping("/script")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear() {
        faults.script().clear();
    }

    @PutMapping("/timing")
    TimingSetting changeTiming(@Valid @RequestBody TimingSetting setting) {
        faults.changeTiming(setting.timing());
        return timing();
    }

    @GetMapping("/timing")
    TimingSetting timing() {
        return TimingSetting.of(faults.timing());
    }

    @PutMapping("/callbacks")
    CallbacksSetting changeCallbacks(@Valid @RequestBody CallbacksSetting setting) {
        faults.changeCallbacks(setting.callbacks());
        return callbacks();
    }

    @GetMapping("/callbacks")
    CallbacksSetting callbacks() {
        return new CallbacksSetting(faults.callbacks());
    }
}
