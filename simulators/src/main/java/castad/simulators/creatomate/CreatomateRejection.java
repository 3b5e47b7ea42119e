package castad.simulators.creatomate;

/** A request Creatomate refuses, answered as {@code {"hint":...}} by {@link CreatomateErrorAnswers}. */
class CreatomateRejection extends RuntimeException {

    final int status;

    CreatomateRejection(int status, String hint) {
        super(hint, null, false, false);
        this.status = status;
    }
}
