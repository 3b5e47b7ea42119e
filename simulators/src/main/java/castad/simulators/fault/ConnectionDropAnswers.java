package castad.simulators.fault;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a {@link ConnectionDrop} with nothing: the request is marked for {@link DropConnectionValve},
 * which closes the connection once the servlet is done, before anything more is written.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConnectionDropAnswers {

    static final String DROP = ConnectionDropAnswers.class.getName() + ".DROP";

    @ExceptionHandler(ConnectionDrop.class)
    void drop(HttpServletRequest request, HttpServletResponse response) {
        request.setAttribute(DROP, Boolean.TRUE);
    }
}
