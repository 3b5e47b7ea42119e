package castad.simulators.suno;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code data} of GET /api/v1/generate/record-info, camelCase as documented. {@code response} is
 * null while PENDING and after a failure; {@code errorCode} (the error callback's code) and
 * {@code errorMessage} are null unless the task failed.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record RecordInfo(String taskId, String param, Response response, String status, String type,
                  Integer errorCode, String errorMessage) {

    static RecordInfo of(SunoTask task, TaskStatus status, List<SunoSong> songs) {
        var response = status.hasSongs() ? new Response(task.taskId(), songs) : null;
        return new RecordInfo(task.taskId(), task.param(), response, status.reported(), "GENERATE",
                status.failed() ? status.callbackCode : null, status.failed() ? errorMessage(task, status) : null);
    }

    private static String errorMessage(SunoTask task, TaskStatus status) {
        return task.errorMessage() != null ? task.errorMessage() : status.message;
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Response(String taskId, List<SunoSong> sunoData) {
    }
}
