package castad.gateway.view;

import castad.gateway.security.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TaskViewController {

    private final TaskViews views;

    TaskViewController(TaskViews views) {
        this.views = views;
    }

    @GetMapping("/api/v1/projects/{taskId}")
    TaskView get(@AuthenticationPrincipal Caller caller, @PathVariable String taskId) {
        return views.get(caller, taskId);
    }
}
