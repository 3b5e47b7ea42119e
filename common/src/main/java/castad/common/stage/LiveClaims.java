package castad.common.stage;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The attempts this instance is working on right now (between claim and storing the provider's answer): only
 * their leases are renewed. An attempt left behind by an error (the database went away while its answer was
 * stored) is no longer renewed, so its lease runs out and another instance takes it over.
 */
public final class LiveClaims {

    private final Set<Long> ids = ConcurrentHashMap.newKeySet();

    /** Holds {@code id} until the returned handle is closed. */
    public Held hold(long id) {
        ids.add(id);
        return () -> ids.remove(id);
    }

    public List<Long> ids() {
        return List.copyOf(ids);
    }

    /** A hold on one attempt; closing it lets its lease run out unless it was finished. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
