package castad.simulators.suno;

/** Suno's success envelope: {@code {"code":200,"msg":"success","data":...}}. */
record SunoReply<T>(int code, String msg, T data) {

    static <T> SunoReply<T> success(T data) {
        return new SunoReply<>(200, "success", data);
    }

    record TaskId(String taskId) {
    }
}
