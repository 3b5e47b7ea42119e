package castad.local.deadletters;

import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * What the replays so far sent of one dead-letter partition, kept as a committed offset of the
 * consumer group {@code castad-dlt-replay}: every record below {@code next} was replayed, and so were
 * the records in {@code ahead} (at or above {@code next}), which the commit's metadata lists.
 *
 * <p>{@code ahead} exists for {@code replay --task}: the records of other tasks that it passes stay
 * unreplayed, so the offset cannot move past the first of them, while the task's own later records
 * were sent and must not be sent again. A replay without {@code --task} leaves {@code ahead} empty.
 * The metadata is {@code v1:} followed by offsets and ranges, {@code v1:17,20-23}.
 */
record ReplayProgress(long next, NavigableSet<Long> ahead) {

    static final ReplayProgress NONE = new ReplayProgress(0, Collections.emptyNavigableSet());

    /** Kafka's default offset.metadata.max.bytes is 4096; what does not fit is held back for another run. */
    static final int MAX_METADATA_LENGTH = 3500;

    private static final String VERSION = "v1:";

    ReplayProgress {
        ahead = Collections.unmodifiableNavigableSet(new TreeSet<>(ahead.tailSet(next, true)));
    }

    static ReplayProgress of(OffsetAndMetadata committed) {
        if (committed == null) {
            return NONE;
        }
        return new ReplayProgress(committed.offset(), parse(committed.metadata()));
    }

    boolean replayed(long offset) {
        return offset < next || ahead.contains(offset);
    }

    /**
     * The progress after a run that read up to {@code end} (exclusive) and replayed {@code sent}; the records
     * in {@code notSent} (other tasks, failed sends, held back) were read but are still to be replayed.
     */
    ReplayProgress after(Collection<Long> sent, Collection<Long> notSent, long end) {
        long nextAfter = notSent.stream().mapToLong(Long::longValue).min().orElse(Math.max(next, end));
        NavigableSet<Long> done = new TreeSet<>(ahead);
        done.addAll(sent);
        return new ReplayProgress(nextAfter, done);
    }

    /** Whether the metadata could also list {@code offset} as replayed ahead of {@code next}. */
    boolean fitsAhead(long offset, Collection<Long> alsoAhead) {
        NavigableSet<Long> more = new TreeSet<>(ahead);
        more.addAll(alsoAhead);
        more.add(offset);
        return encode(more).length() <= MAX_METADATA_LENGTH;
    }

    OffsetAndMetadata toCommit() {
        return new OffsetAndMetadata(next, ahead.isEmpty() ? "" : encode(ahead));
    }

    static String encode(NavigableSet<Long> offsets) {
        StringBuilder text = new StringBuilder(VERSION);
        Iterator<Long> it = offsets.iterator();
        long first = -1;
        long last = -1;
        while (it.hasNext()) {
            long offset = it.next();
            if (first >= 0 && offset == last + 1) {
                last = offset;
                continue;
            }
            append(text, first, last);
            first = offset;
            last = offset;
        }
        append(text, first, last);
        return text.toString();
    }

    private static void append(StringBuilder text, long first, long last) {
        if (first < 0) {
            return;
        }
        if (text.length() > VERSION.length()) {
            text.append(',');
        }
        text.append(first);
        if (last > first) {
            text.append('-').append(last);
        }
    }

    static NavigableSet<Long> parse(String metadata) {
        NavigableSet<Long> offsets = new TreeSet<>();
        if (metadata == null || !metadata.startsWith(VERSION) || metadata.length() == VERSION.length()) {
            return offsets;
        }
        try {
            for (String part : metadata.substring(VERSION.length()).split(",")) {
                int dash = part.indexOf('-');
                long first = Long.parseLong(part.substring(0, dash < 0 ? part.length() : dash).strip());
                long last = dash < 0 ? first : Long.parseLong(part.substring(dash + 1).strip());
                for (long offset = first; offset <= last; offset++) {
                    offsets.add(offset);
                }
            }
            return offsets;
        } catch (NumberFormatException e) {
            return new TreeSet<>();  // not ours: only the offset counts
        }
    }
}
