package castad.simulators.suno;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import castad.simulators.callback.CallbackDelivery;

/**
 * What the next generate request gets. Refused when {@code code} or {@code httpStatus} is set: the
 * body code is {@code code} (else the status), the HTTP status is {@code httpStatus} (else 200, as
 * when Suno's HTTP status does not mirror the code). Otherwise accepted, and the task ends in
 * {@code finalStatus} (default SUCCESS) with its callbacks delivered as {@code callbacks} says
 * (default: the current global setting).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SunoOutcome(
        @Min(200) @Max(599) Integer httpStatus,
        @Min(400) @Max(599) Integer code,
        String msg,
        @Pattern(regexp = TaskStatus.FAILURES) String finalStatus,
        String errorMessage,
        @Pattern(regexp = CallbackDelivery.NAMES) String callbacks) {

    static final SunoOutcome ACCEPT = new SunoOutcome(null, null, null, null, null, null);

    @JsonIgnore
    @AssertTrue(message = "an outcome either refuses the request (httpStatus, code, msg) or shapes the task"
            + " (finalStatus, errorMessage, callbacks), not both")
    boolean isOneKind() {
        return !refuses() || finalStatus == null && errorMessage == null && callbacks == null;
    }

    @JsonIgnore
    @AssertTrue(message = "a refusal needs an error code (400-599) in code or httpStatus")
    boolean isRefusalAnError() {
        return !refuses() && msg == null || refuses() && bodyCode() >= 400;
    }

    boolean refuses() {
        return httpStatus != null || code != null;
    }

    int status() {
        return httpStatus != null ? httpStatus : 200;
    }

    SunoError error() {
        var known = SunoError.of(bodyCode());
        return msg == null ? known : new SunoError(known.code(), msg);
    }

    Optional<TaskStatus> failure() {
        return Optional.ofNullable(finalStatus).map(TaskStatus::valueOf);
    }

    Optional<CallbackDelivery> delivery() {
        return Optional.ofNullable(callbacks).map(CallbackDelivery::of);
    }

    private int bodyCode() {
        return code != null ? code : httpStatus;
    }
}
