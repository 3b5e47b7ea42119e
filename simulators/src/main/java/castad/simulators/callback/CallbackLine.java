package castad.simulators.callback;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * One job's callbacks to one URL: each is sent once, twice or never by the delivery chosen at
 * submission, and only after the previous one was answered, so a receiver sees them in order.
 */
public final class CallbackLine {

    private final CallbackPoster poster;
    private final URI target;
    private final CallbackDelivery delivery;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    CallbackLine(CallbackPoster poster, URI target, CallbackDelivery delivery) {
        this.poster = poster;
        this.target = target;
        this.delivery = delivery;
    }

    public synchronized void send(Object payload) {
        if (delivery.copies() == 0) {
            return;
        }
        var body = poster.serialize(payload);
        for (int copy = 0; copy < delivery.copies(); copy++) {
            tail = tail.thenCompose(previous -> poster.post(target, body));
        }
    }
}
