package castad.gateway.stage;

import castad.common.event.Stage;
import castad.common.metrics.StageMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code castad.stage.in.flight} of every stage, from the gateway, which reads all the stage tables anyway: one
 * place for the dashboard to ask (every gateway replica reports the same counts; the dashboard takes the max).
 */
@Component
class StagesInFlight {

    StagesInFlight(JdbcClient jdbc, MeterRegistry meters) {
        for (Stage stage : Stage.values()) {
            StageMetrics.inFlight(stage, jdbc, meters);
        }
    }
}
