package castad.simulators.openai;

import java.time.Duration;

import jakarta.validation.Valid;

import castad.simulators.fault.ConnectionDrop;
import castad.simulators.fault.DelayedReplies;
import castad.simulators.fault.Fault;
import castad.simulators.stats.PaidSubmissions;
import castad.simulators.stats.SubmissionLedger;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * POST /v1/chat/completions: admit to the rate window, take the next scripted outcome (or, without
 * one, draw a random fault), wait the latency (off the servlet thread), then answer; every 200 is a
 * paid submission keyed by {@code user}.
 */
@RestController
class ChatCompletionsController {

    private static final ScriptedOutcome SERVER_ERROR = new ScriptedOutcome(500, null, null, null, null, null, null,
            null, null, null);
    private static final ScriptedOutcome OVERLOADED = new ScriptedOutcome(null, KnownError.SERVER_IS_OVERLOADED.code,
            null, null, null, null, null, null, null, null);

    private final OpenAiFaults faults;
    private final RequestWindow window;
    private final ChatCompletionAnswers answers;
    private final DelayedReplies replies;
    private final SubmissionLedger submissions;
    private final boolean enforceRateLimit;

    ChatCompletionsController(OpenAiFaults faults, RequestWindow window, ChatCompletionAnswers answers,
                              DelayedReplies replies, PaidSubmissions paid, OpenAiSettings settings) {
        this.faults = faults;
        this.window = window;
        this.answers = answers;
        this.replies = replies;
        this.submissions = paid.ledger("openai");
        this.enforceRateLimit = settings.enforceRateLimit();
    }

    @PostMapping("/v1/chat/completions")
    DeferredResult<ResponseEntity<Object>> complete(@Valid @RequestBody ChatCompletionRequest request) {
        var rate = window.admit(TokenCount.prompt(request));
        if (enforceRateLimit && rate.exceeded()) {
            return replies.after(Duration.ZERO, () -> answers.rateLimited(request.model(), rate));
        }
        var scripted = faults.script().next();
        if (scripted.isPresent()) {
            var outcome = scripted.get();
            var delay = outcome.delay().orElseGet(faults.latency()::current);
            return replies.after(delay, () -> answer(request, outcome, rate));
        }
        return chaotic(request, rate, faults.chaos().draw());
    }

    /** The answer to a request no outcome was scripted for: normal, or with the fault chaos drew. */
    private DeferredResult<ResponseEntity<Object>> chaotic(ChatCompletionRequest request, RateLimitState rate,
                                                           Fault fault) {
        if (fault.dropsBefore()) {
            throw new ConnectionDrop();
        }
        var latency = faults.latency().current();
        return switch (fault.kind()) {
            case ERROR -> replies.after(latency,
                    () -> answers.failure(fault.variant() < 0.5 ? SERVER_ERROR : OVERLOADED, rate));
            case RATE_LIMIT -> replies.after(latency,
                    () -> answers.rateLimited(request.model(), rate, fault.retryAfterWait()));
            case DROP -> replies.after(latency, () -> {
                answer(request, ScriptedOutcome.SUCCESS, rate);
                throw new ConnectionDrop();
            });
            case SLOW, NONE -> replies.after(latency.plus(fault.delay()), () -> answer(request, ScriptedOutcome.SUCCESS, rate));
        };
    }

    private ResponseEntity<Object> answer(ChatCompletionRequest request, ScriptedOutcome outcome, RateLimitState rate) {
        if (outcome.failing()) {
            return answers.failure(outcome, rate);
        }
        submissions.record(request.user());
        if (outcome.refuses()) {
            return answers.refusal(request, rate);
        }
        return answers.completion(request, outcome.finishReasonOrStop(), rate);
    }
}
