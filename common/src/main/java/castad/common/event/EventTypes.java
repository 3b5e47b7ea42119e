package castad.common.event;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code eventType} header names a concrete record of the sealed {@link CastadEvent} family by its
 * simple name; this table is derived from the sealed hierarchy, so a new record needs no registration.
 */
public final class EventTypes {

    private static final Map<String, Class<? extends CastadEvent>> BY_NAME = concreteTypes(CastadEvent.class)
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventTypes() {
    }

    public static String nameOf(CastadEvent event) {
        return event.getClass().getSimpleName();
    }

    public static Optional<Class<? extends CastadEvent>> classOf(String eventType) {
        return Optional.ofNullable(BY_NAME.get(eventType));
    }

    @SuppressWarnings("unchecked")
    private static Stream<Class<? extends CastadEvent>> concreteTypes(Class<?> type) {
        if (!type.isSealed()) {
            return Stream.of((Class<? extends CastadEvent>) type);
        }
        return Stream.of(type.getPermittedSubclasses()).flatMap(EventTypes::concreteTypes);
    }
}
