package castad.simulators.creatomate;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import castad.simulators.callback.CallbackDelivery;

/**
 * What the next render request gets. Refused with {@code httpStatus} and {@code hint} (default by
 * status) when {@code httpStatus} is set; otherwise accepted, ending in {@code finalStatus} (default
 * succeeded; failed with {@code errorMessage}), its webhook delivered as {@code webhook} says
 * (default: the current global setting). {@code acceptance: unreadable} accepts the render (it runs, and is paid for)
 * but answers the request with a body that is not a render (an HTML page), as a proxy or an API change might.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CreatomateOutcome(
        @Min(400) @Max(599) Integer httpStatus,
        String hint,
        @Pattern(regexp = "succeeded|failed") String finalStatus,
        String errorMessage,
        @Pattern(regexp = CallbackDelivery.NAMES) String webhook,
        @Pattern(regexp = "unreadable") String acceptance) {

    static final CreatomateOutcome ACCEPT = new CreatomateOutcome(null, null, null, null, null, null);
    private static final String DEFAULT_ERROR = "The render failed: a source file could not be loaded.";

    @JsonIgnore
    @AssertTrue(message = "an outcome either refuses the request (httpStatus, hint) or shapes the render"
            + " (finalStatus, errorMessage, webhook, acceptance), not both; a hint needs an httpStatus")
    boolean isOneKind() {
        return refuses() ? finalStatus == null && errorMessage == null && webhook == null && acceptance == null
                : hint == null;
    }

    @JsonIgnore
    @AssertTrue(message = "errorMessage needs finalStatus failed")
    boolean isErrorMessageForFailure() {
        return errorMessage == null || "failed".equals(finalStatus);
    }

    boolean unreadableAcceptance() {
        return "unreadable".equals(acceptance);
    }

    boolean refuses() {
        return httpStatus != null;
    }

    CreatomateHint refusal() {
        return hint == null ? CreatomateHint.forStatus(httpStatus) : new CreatomateHint(hint);
    }

    RenderStatus end() {
        return "failed".equals(finalStatus) ? RenderStatus.FAILED : RenderStatus.SUCCEEDED;
    }

    String failureMessage() {
        return errorMessage != null ? errorMessage : DEFAULT_ERROR;
    }

    Optional<CallbackDelivery> delivery() {
        return Optional.ofNullable(webhook).map(CallbackDelivery::of);
    }
}
