package castad.simulators.creatomate;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

import castad.simulators.callback.CallbackDelivery;
import castad.simulators.fault.ChaosSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param apiKey            when set, only this Bearer key is accepted; otherwise any non-blank key is
 * @param waitingAfter      when a render turns {@code waiting}, counted from its submission
 * @param transcribingAfter when it turns {@code transcribing}
 * @param renderingAfter    when it turns {@code rendering}
 * @param finishedAfter     when it turns {@code succeeded} (or the scripted {@code failed}) and the webhook
 *                          is sent; the four are changeable at run time through /sim/creatomate/timing
 * @param webhooks          how webhooks are delivered: normal, drop (never) or duplicate (twice)
 * @param photoSlots        the image elements {@code Photo-1..N} of every template (4 s each)
 * @param templateIds       templates served besides {@code castad-default}
 * @param frameRate         the templates' and renders' frame rate
 * @param retention         how long a render is kept (at least until it finishes); after that it and
 *                          its video answer 404, as an expired render does
 * @param chaos             random faults of render and template requests ({@code chaos.error-rate} and so on;
 *                          all 0: off), changeable at run time through /sim/creatomate/chaos
 */
@Validated
@ConfigurationProperties("castad.simulators.creatomate")
public record CreatomateSettings(
        String apiKey,
        @DefaultValue("100ms") Duration waitingAfter,
        @DefaultValue("200ms") Duration transcribingAfter,
        @DefaultValue("400ms") Duration renderingAfter,
        @DefaultValue("800ms") Duration finishedAfter,
        @DefaultValue("normal") CallbackDelivery webhooks,
        @DefaultValue("5") @Positive @Max(50) int photoSlots,
        @DefaultValue List<String> templateIds,
        @DefaultValue("30") @Positive @Max(60) int frameRate,
        @DefaultValue("1h") Duration retention,
        @DefaultValue @Valid ChaosSettings chaos) {

    public CreatomateSettings {
        new RenderTiming(waitingAfter, transcribingAfter, renderingAfter, finishedAfter);
        templateIds = List.copyOf(templateIds);
        chaos.checked("castad.simulators.creatomate.chaos");
    }

    RenderTiming timing() {
        return new RenderTiming(waitingAfter, transcribingAfter, renderingAfter, finishedAfter);
    }
}
