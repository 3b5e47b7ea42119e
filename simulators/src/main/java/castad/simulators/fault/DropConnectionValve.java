package castad.simulators.fault;

import java.io.IOException;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Closes the connection of a request marked by {@link ConnectionDropAnswers}, with Tomcat's own
 * "close now" action (the one its error report valve uses on a failed, committed response): the
 * response is swallowed, so a response not yet committed sends no byte at all, and the socket is
 * closed. The client sees the connection end without an answer (an I/O error, not an HTTP status).
 * Runs after every dispatch, the asynchronous ones (delayed replies) included.
 */
final class DropConnectionValve extends ValveBase {

    DropConnectionValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (request.getAttribute(ConnectionDropAnswers.DROP) != null) {
            response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
        }
    }
}
