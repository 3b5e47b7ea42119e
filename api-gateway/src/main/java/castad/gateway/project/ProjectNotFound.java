package castad.gateway.project;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

public class ProjectNotFound extends ErrorResponseException {

    public ProjectNotFound(String taskId) {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No project with taskId '" + taskId + "'"), null);
        getBody().setTitle("Project not found");
    }
}
