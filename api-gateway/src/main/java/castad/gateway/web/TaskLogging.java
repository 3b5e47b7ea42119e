package castad.gateway.web;

import castad.common.tracing.TaskTraceInterceptor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** The task a request is about on every log line written while it is served, as the workers' listeners do. */
@Component
class TaskLogging extends OncePerRequestFilter {

    private static final Pattern TASK_PATH = Pattern.compile("^/api/v1/projects/([0-9A-Za-z-]{1,64})(/|$)");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher task = TASK_PATH.matcher(request.getRequestURI());
        if (!task.find()) {
            chain.doFilter(request, response);
            return;
        }
        MDC.put(TaskTraceInterceptor.TASK_ID, task.group(1));
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(TaskTraceInterceptor.TASK_ID);
        }
    }
}
