package castad.gateway.project;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A {@code {taskId}} in a path that cannot be one of ours (every task id is a UUID) is a 404 before any
 * handler runs: no query, no idempotency record, nothing sized for a UUID ever sees an arbitrary string.
 */
@Configuration(proxyBeanMethods = false)
class TaskIdPaths implements WebMvcConfigurer {

    private static final Pattern TASK_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                checkTaskId(request);
                return true;
            }
        }).addPathPatterns("/api/v1/projects/*", "/api/v1/projects/*/**");
    }

    private static void checkTaskId(HttpServletRequest request) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && variables.get("taskId") instanceof String taskId && !TASK_ID.matcher(taskId).matches()) {
            throw new ProjectNotFound(taskId);
        }
    }
}
