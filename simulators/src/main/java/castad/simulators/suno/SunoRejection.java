package castad.simulators.suno;

/** A request Suno refuses, answered as {@code {"code":...,"msg":...}} by {@link SunoErrorAnswers}. */
class SunoRejection extends RuntimeException {

    final int code;

    SunoRejection(int code, String msg) {
        super(msg, null, false, false);
        this.code = code;
    }

    SunoError body() {
        return new SunoError(code, getMessage());
    }
}
