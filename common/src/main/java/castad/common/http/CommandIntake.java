package castad.common.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * A worker's intake of paid work from Kafka: its command listener is paused while its provider's circuit is
 * open, so that commands wait in Kafka instead of being taken and handed back, and resumed when the circuit
 * half-opens or closes. Commands already fetched when it pauses are refused and handed back
 * ({@link ProviderCallRefused}); the worker's sweeper drives them again. Paused or not:
 * {@code castad_listener_paused{listener="..."}}.
 */
public class CommandIntake {

    private static final Logger log = LoggerFactory.getLogger(CommandIntake.class);

    private final KafkaListenerEndpointRegistry listeners;
    private final String listenerId;

    public CommandIntake(ProviderGuard provider, KafkaListenerEndpointRegistry listeners, String listenerId,
                         MeterRegistry meters) {
        this.listeners = listeners;
        this.listenerId = listenerId;
        provider.whenCircuitChanges(open -> follow(provider));
        Gauge.builder("castad.listener.paused", this, intake -> intake.paused() ? 1 : 0)
                .tag("listener", listenerId).tag("provider", provider.provider())
                .description("1 while the listener's provider circuit is open and it takes no new commands")
                .register(meters);
    }

    public boolean paused() {
        MessageListenerContainer container = listeners.getListenerContainer(listenerId);
        return container != null && container.isPauseRequested();
    }

    /** Follows the circuit's state as it is now, whichever thread reports which transition first. */
    private synchronized void follow(ProviderGuard provider) {
        if (provider.open()) {
            pause(provider.provider());
        } else {
            resume(provider.provider());
        }
    }

    private void pause(String provider) {
        MessageListenerContainer container = listeners.getListenerContainer(listenerId);
        if (container != null && !container.isPauseRequested()) {
            container.pause();
            log.warn("Circuit of {} is open: listener {} paused, new commands wait in Kafka", provider, listenerId);
        }
    }

    private void resume(String provider) {
        MessageListenerContainer container = listeners.getListenerContainer(listenerId);
        if (container != null && container.isPauseRequested()) {
            container.resume();
            log.info("Circuit of {} lets calls through again: listener {} resumed", provider, listenerId);
        }
    }
}
