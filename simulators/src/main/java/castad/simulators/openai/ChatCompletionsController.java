package castad.simulators.openai;

import java.time.Duration;

import jakarta.validation.Valid;

import castad.simulators.fault.DelayedReplies;
import castad.simulators.stats.PaidSubmissions;
import castad.simulators.stats.SubmissionLedger;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * POST /v1/chat/completions: admit to the rate window, take the next scripted outcome, wait the
 * latency (off the servlet thread), then answer; every 200 is a paid submission keyed by {@code user}.
 */
@RestController
class ChatCompletionsController {

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
        var outcome = faults.script().next().orElse(ScriptedOutcome.SUCCESS);
        var delay = outcome.delay().orElseGet(faults.latency()::current);
        return replies.after(delay, () -> answer(request, outcome, rate));
    }

    private ResponseEntity<Object> answer(ChatCompletionRequest request, ScriptedOutcome outcome, RateLimitState rate) {
        if (outcome.failing()) {
            return answers.failure(outcome, rate);
        }
        submissions.record(request.user());
        return answers.completion(request, outcome.finishReasonOrStop(), rate);
    }
}
