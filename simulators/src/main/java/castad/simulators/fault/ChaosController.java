package castad.simulators.fault;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /sim/{provider}/chaos}: every simulator's random faults, the same way (see simulators/README.md). */
@RestController
@RequestMapping("/sim/{provider}/chaos")
class ChaosController {

    private final Map<String, ProviderChaos> providers;

    ChaosController(List<ProviderChaos> providers) {
        this.providers = providers.stream().collect(Collectors.toMap(ProviderChaos::provider, Function.identity()));
    }

    @PutMapping
    ChaosSettings change(@PathVariable String provider, @Valid @RequestBody ChaosSettings setting) {
        ProviderChaos target = of(provider);
        if (target.slowOrDropOnly() && !setting.isSlowOrDropOnly()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, provider
                    + " downloads take only slowRate and dropRate: errorRate and rateLimitRate must be 0");
        }
        return target.chaos().change(setting);
    }

    @GetMapping
    ChaosSettings settings(@PathVariable String provider) {
        return of(provider).chaos().settings();
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void stop(@PathVariable String provider) {
        of(provider).chaos().stop();
    }

    private ProviderChaos of(String provider) {
        ProviderChaos chaos = providers.get(provider);
        if (chaos == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no simulator named '" + provider + "'");
        }
        return chaos;
    }
}
