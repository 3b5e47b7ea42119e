package castad.testsupport;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * What a {@link KafkaListener} says it wants against what it routes: a route for an event type the listener does
 * not ask for would never be taken, silently, and an event type asked for but not routed is read for nothing.
 */
public final class ListenerContracts {

    private ListenerContracts() {
    }

    /** The event type names listed in the consumer property {@code property} of the class's only listener. */
    public static Set<String> wantedEvents(Class<?> listener, String property) {
        KafkaListener annotation = Stream.concat(Stream.ofNullable(listener.getAnnotation(KafkaListener.class)),
                        Arrays.stream(listener.getDeclaredMethods()).map(ListenerContracts::listenerOf))
                .filter(found -> found != null)
                .reduce((one, another) -> {
                    throw new IllegalArgumentException(listener + " has more than one listener");
                })
                .orElseThrow(() -> new IllegalArgumentException(listener + " has no listener"));
        return Arrays.stream(annotation.properties())
                .filter(entry -> entry.startsWith(property + "="))
                .flatMap(entry -> Arrays.stream(entry.substring(property.length() + 1).split(",")))
                .map(String::strip)
                .collect(Collectors.toSet());
    }

    private static KafkaListener listenerOf(Method method) {
        return method.getAnnotation(KafkaListener.class);
    }
}
