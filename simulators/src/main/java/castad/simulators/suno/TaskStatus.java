package castad.simulators.suno;

/** A generation task's status as record-info reports it, with the callback that announces it. */
enum TaskStatus {

    PENDING(null, 200, null),
    TEXT_SUCCESS("text", 200, "Text generation completed."),
    FIRST_SUCCESS("first", 200, "First track generated successfully."),
    SUCCESS("complete", 200, "All generated successfully."),
    CREATE_TASK_FAILED("error", 501, "Failed to create the generation task."),
    GENERATE_AUDIO_FAILED("error", 501, "Audio generation failed."),
    SENSITIVE_WORD_ERROR("error", 400, "The lyrics contain sensitive words or copyrighted content.");

    /** For {@code @Pattern} checks of scripted outcomes. */
    static final String FAILURES = "CREATE_TASK_FAILED|GENERATE_AUDIO_FAILED|SENSITIVE_WORD_ERROR";

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
        return this == TEXT_SUCCESS || this == FIRST_SUCCESS || this == SUCCESS;
    }

    boolean streamable() {
        return this == FIRST_SUCCESS || this == SUCCESS;
    }
}
