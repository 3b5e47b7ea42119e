package castad.simulators.suno;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One song of a task as record-info shows it (camelCase); {@link #forCallback()} as callbacks do. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record SunoSong(String id, String audioUrl, String streamAudioUrl, String imageUrl, String prompt, String modelName,
                String title, String tags, String createTime, Double duration) {

    CallbackSong forCallback() {
        return new CallbackSong(id, audioUrl, streamAudioUrl, imageUrl, prompt, modelName, title, tags, createTime, duration);
    }

    /** The same song in a callback: snake_case, as Suno's callbacks spell it. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CallbackSong(String id,
                        @JsonProperty("audio_url") String audioUrl,
                        @JsonProperty("stream_audio_url") String streamAudioUrl,
                        @JsonProperty("image_url") String imageUrl,
                        String prompt,
                        @JsonProperty("model_name") String modelName,
                        String title, String tags, String createTime, Double duration) {
    }
}
