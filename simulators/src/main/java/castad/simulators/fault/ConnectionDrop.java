package castad.simulators.fault;

/**
 * Thrown by a simulator (or by a reply or a body being written) to drop the connection: the request
 * is marked by {@link ConnectionDropAnswers} and {@link DropConnectionValve} then closes the socket
 * without another byte. Whatever was already flushed stays sent (a truncated download).
 */
public final class ConnectionDrop extends RuntimeException {

    public ConnectionDrop() {
        super("connection dropped by the simulator (chaos)", null, false, false);
    }
}
