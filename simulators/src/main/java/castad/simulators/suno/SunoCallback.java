package castad.simulators.suno;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import castad.simulators.suno.SunoSong.CallbackSong;

/** What Suno POSTs to callBackUrl at each step: {@code {"code","msg","data":{"callbackType","task_id","data"}}}. */
record SunoCallback(int code, String msg, Data data) {

    static SunoCallback of(SunoTask task, TaskStatus status, List<SunoSong> songs) {
        var message = status.failed() && task.errorMessage() != null ? task.errorMessage() : status.message;
        var callbackSongs = songs.stream().map(SunoSong::forCallback).toList();
        return new SunoCallback(status.callbackCode, message, new Data(status.callbackType, task.taskId(), callbackSongs));
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Data(String callbackType, @JsonProperty("task_id") String taskId, List<CallbackSong> data) {
    }
}
