package castad.simulators.creatomate;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import castad.simulators.callback.CallbackDelivery;
import castad.simulators.callback.CallbackPoster;
import castad.simulators.media.MediaAssets;
import castad.simulators.media.RenderedVideos;
import castad.simulators.progress.StepTimer;
import castad.simulators.progress.Stopwatch;
import org.springframework.stereotype.Component;

/**
 * The accepted renders, each kept for the configured retention. A render's status is computed from
 * the time since its submission; its webhook is scheduled at submission for when it finishes. Its
 * video is served once it succeeded.
 */
@Component
class Renders implements RenderedVideos {

    private final Map<String, Render> renders = new ConcurrentHashMap<>();
    private final MediaAssets media;
    private final StepTimer timer;
    private final CallbackPoster webhooks;
    private final int frameRate;
    private final Duration retention;

    Renders(MediaAssets media, StepTimer timer, CallbackPoster webhooks, CreatomateSettings settings) {
        this.media = media;
        this.timer = timer;
        this.webhooks = webhooks;
        this.frameRate = settings.frameRate();
        this.retention = settings.retention();
    }

    Render submit(RenderRequest request, String baseUrl, RenderTiming timing, CreatomateOutcome outcome,
                  CallbackDelivery delivery) {
        var end = outcome.end();
        var render = new Render(UUID.randomUUID().toString(), request, baseUrl, Stopwatch.start(), timing.timeline(end),
                end == RenderStatus.FAILED ? outcome.failureMessage() : null);
        renders.put(render.id(), render);
        var kept = retention.compareTo(timing.finishedAfter()) >= 0 ? retention : timing.finishedAfter();
        timer.after(kept, () -> renders.remove(render.id()));
        if (request.webhookUrl() != null && delivery != CallbackDelivery.DROP) {
            var line = webhooks.line(URI.create(request.webhookUrl()), delivery);
            timer.after(timing.finishedAfter(), () -> line.send(view(render, end)));
        }
        return render;
    }

    Optional<RenderObject> find(String id) {
        return Optional.ofNullable(renders.get(id)).map(render -> view(render, render.status()));
    }

    @Override
    public boolean succeeded(String renderId) {
        var render = renders.get(renderId);
        return render != null && render.status() == RenderStatus.SUCCEEDED;
    }

    RenderObject view(Render render, RenderStatus status) {
        var request = render.request();
        var video = media.video();
        boolean done = status == RenderStatus.SUCCEEDED;
        return new RenderObject(render.id(), status,
                status == RenderStatus.FAILED ? render.errorMessage() : null,
                render.baseUrl() + "/media/renders/" + render.id() + ".mp4",
                render.baseUrl() + "/media/images/" + render.id() + ".jpg",
                request.templateId(), "mp4", TemplateCatalog.WIDTH, TemplateCatalog.HEIGHT, frameRate,
                done ? video.seconds() : null,
                done ? media.servedSize(video) : null,
                request.modifications() != null ? request.modifications() : JsonNodeFactory.instance.objectNode(),
                request.webhookUrl(), request.metadata());
    }
}
