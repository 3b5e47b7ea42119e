package castad.simulators.suno;

/**
 * A generation task's status as record-info reports it, with the callback that announces it (none for
 * {@code CALLBACK_EXCEPTION}: Suno's call back failed, the audio exists). {@code REFUNDED} is reported as
 * {@code GENERATE_AUDIO_FAILED} with code 531: Suno refunded the credits and asks for a new submission.
 */
enum TaskStatus {

    PENDING(null, 200, null),
    TEXT_SUCCESS("text", 200, "Text generation completed."),
    FIRST_SUCCESS("first", 200, "First track generated successfully."),
    SUCCESS("complete", 200, "All generated successfully."),
    CREATE_TASK_FAILED("error", 501, "Failed to create the generation task."),
    GENERATE_AUDIO_FAILED("error", 501, "Audio generation failed."),
    SENSITIVE_WORD_ERROR("error", 400, "The lyrics contain sensitive words or copyrighted content."),
    CALLBACK_EXCEPTION(null, 500, "An error occurred while calling back."),
    REFUNDED("error", 531, "Generation failed; the credits were refunded. Please submit the task again.");

    /** For {@code @Pattern} checks of scripted outcomes. */
    static final String FAILURES =
            "CREATE_TASK_FAILED|GENERATE_AUDIO_FAILED|SENSITIVE_WORD_ERROR|CALLBACK_EXCEPTION|REFUNDED";

    final String callbackType;
    final int callbackCode;
    final String message;

    TaskStatus(String callbackType, int callbackCode, String message) {
        this.callbackType = callbackType;
        this.callbackCode = callbackCode;
        this.message = message;
    }

    boolean failed() {
        return callbackCode != 200;
    }

    boolean hasSongs() {
        return this == TEXT_SUCCESS || this == FIRST_SUCCESS || this == SUCCESS || this == CALLBACK_EXCEPTION;
    }

    boolean streamable() {
        return this == FIRST_SUCCESS || this == SUCCESS || this == CALLBACK_EXCEPTION;
    }

    /** Whether the audio files are done (and their duration known). */
    boolean audioDone() {
        return this == SUCCESS || this == CALLBACK_EXCEPTION;
    }

    /** Whether Suno calls back on reaching this status. */
    boolean announced() {
        return callbackType != null;
    }

    /** The status as record-info names it. */
    String reported() {
        return this == REFUNDED ? GENERATE_AUDIO_FAILED.name() : name();
    }
}
