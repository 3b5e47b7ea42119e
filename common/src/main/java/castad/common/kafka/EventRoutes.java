package castad.common.kafka;

import castad.common.event.CastadEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Headers;

/**
 * What a batch listener does with each type of event it reads: one route per event type, events of other types
 * pass by untouched. Its {@link #eventTypes() types} are the ones the listener should ask its deserializer for
 * ({@link EventDeserializer#WANTED}); a test holds the two lists together.
 */
public final class EventRoutes {

    private final Map<Class<? extends CastadEvent>, BiConsumer<CastadEvent, Headers>> routes = new LinkedHashMap<>();

    /** {@code route} gets each event of {@code type} with its record's headers. */
    public <E extends CastadEvent> EventRoutes on(Class<E> type, BiConsumer<E, Headers> route) {
        routes.put(type, (event, headers) -> route.accept(type.cast(event), headers));
        return this;
    }

    public void handle(CastadEvent event, Headers headers) {
        BiConsumer<CastadEvent, Headers> route = routes.get(event.getClass());
        if (route != null) {
            route.accept(event, headers);
        }
    }

    /** The simple names of the routed types, as the {@code eventType} header names them. */
    public Set<String> eventTypes() {
        return routes.keySet().stream().map(Class::getSimpleName).collect(Collectors.toUnmodifiableSet());
    }
}
