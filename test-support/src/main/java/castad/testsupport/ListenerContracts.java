package castad.testsupport;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * What a class-level {@link KafkaListener} says it wants against what its handlers take: a handler for an
 * event type the listener does not ask for would never be called, silently.
 */
public final class ListenerContracts {

    private ListenerContracts() {
    }

    /** The event type names listed in the listener's consumer property {@code property}. */
    public static Set<String> wantedEvents(Class<?> listener, String property) {
        return Arrays.stream(listener.getAnnotation(KafkaListener.class).properties())
                .filter(entry -> entry.startsWith(property + "="))
                .flatMap(entry -> Arrays.stream(entry.substring(property.length() + 1).split(",")))
                .map(String::strip)
                .collect(Collectors.toSet());
    }

    /** The simple names of the payload types of the listener's {@link KafkaHandler} methods. */
    public static Set<String> handledEvents(Class<?> listener) {
        return Arrays.stream(listener.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(KafkaHandler.class))
                .map(method -> method.getParameterTypes()[0].getSimpleName())
                .collect(Collectors.toSet());
    }
}
