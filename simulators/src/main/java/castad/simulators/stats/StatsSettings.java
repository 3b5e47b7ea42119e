package castad.simulators.stats;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Providers listed in the stats from the start, even before their simulator records anything. */
@ConfigurationProperties("castad.simulators.stats")
public record StatsSettings(@DefaultValue({"openai", "suno", "creatomate"}) List<String> providers) {
}
