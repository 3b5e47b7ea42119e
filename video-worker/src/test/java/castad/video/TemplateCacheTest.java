package castad.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import castad.video.creatomate.Template;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TemplateCacheTest {

    private static final Duration TTL = Duration.ofMinutes(5);

    private final AtomicInteger fetches = new AtomicInteger();
    private final CountDownLatch creatomateAnswers = new CountDownLatch(1);
    private final AtomicLong nanos = new AtomicLong();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TemplateCache cache = new TemplateCache(this::fetch, TTL, nanos::get, meters);
    private final ExecutorService renders = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopRenders() {
        renders.shutdownNow();
    }

    @Test
    void manyRendersMissingTheSameTemplateAtOnceWaitForOneFetchAndShareItsAnswer() {
        List<CompletableFuture<Template>> waiting = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waiting.add(CompletableFuture.supplyAsync(() -> cache.get("promo"), renders));
        }
        await().until(() -> fetches.get() == 1);
        creatomateAnswers.countDown();

        List<Template> answers = waiting.stream().map(CompletableFuture::join).toList();
        assertThat(fetches).hasValue(1);
        assertThat(answers).allSatisfy(template -> assertThat(template).isSameAs(answers.get(0)));
        assertThatThrownBy(() -> answers.get(0).elements().add(new Template.Element("Photo-9", "image")))
                .as("a shared template cannot be changed by one render under another")
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aTemplateIsFetchedAgainOnlyOnceItsTtlHasPassed() {
        creatomateAnswers.countDown();
        cache.get("promo");

        nanos.addAndGet(TTL.minusSeconds(1).toNanos());
        cache.get("promo");
        assertThat(fetches).as("within the TTL").hasValue(1);

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        cache.get("promo");
        assertThat(fetches).as("past the TTL").hasValue(2);
        assertThat(meters.get("cache.gets").tag("cache", "creatomate-templates").tag("result", "hit")
                .functionCounter().count()).isEqualTo(1);
    }

    private Template fetch(String templateId) {
        fetches.incrementAndGet();
        try {
            assertThat(creatomateAnswers.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Template(templateId, new ArrayList<>(List.of(new Template.Element("Photo-1", "image"))));
    }
}
