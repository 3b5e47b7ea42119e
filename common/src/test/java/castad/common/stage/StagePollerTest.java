package castad.common.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import castad.common.event.Stage;
import castad.common.http.ProviderCallRefused;
import castad.common.http.ProviderFailure;
import castad.common.http.ProviderGuard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

class StagePollerTest {

    private final WaitingStageStore rows = mock(WaitingStageStore.class);
    private final StageSweeps sweeps = mock(StageSweeps.class);
    private final ProviderGuard guard = mock(ProviderGuard.class);
    private final List<String> asked = new ArrayList<>();
    private final List<Long> driven = new ArrayList<>();
    private final StagePoller poller = poller();

    private StagePoller poller() {
        when(rows.sweeps()).thenReturn(sweeps);
        when(rows.stage()).thenReturn(Stage.SONG);
        when(rows.settings()).thenReturn(settings());
        return new StagePoller(rows, guard, target -> {
            asked.add(target.externalId());
            if (target.externalId().startsWith("failing")) {
                throw ProviderFailure.transientFailure("SUNO_UNAVAILABLE", "down", null);
            }
            if (target.externalId().startsWith("refused")) {
                throw new ProviderCallRefused("suno", "rate_limited", new IllegalStateException("no permits"));
            }
        }, driven::add);
    }

    @Test
    void eachTickPollsTheDueAttemptsDrivesAbandonedAndStaleOnesAndFailsThosePastTheirDeadline() {
        when(sweeps.claimDuePolls(20, Duration.ofSeconds(30))).thenReturn(List.of(target(1, "a"), target(2, "b")));
        when(sweeps.abandonedClaims(20)).thenReturn(List.of(3L));
        when(sweeps.stalePending(20, Duration.ofMinutes(1))).thenReturn(List.of(4L));
        when(sweeps.pastDeadline(20)).thenReturn(List.of(5L));

        poller.tick();

        assertThat(asked).containsExactly("a", "b");
        assertThat(driven).containsExactly(3L, 4L);
        verify(rows).fail(5L, StagePoller.STAGE_TIMEOUT, "The song did not finish within PT10M");
    }

    @Test
    void aPollThatFailsOrIsRefusedLeavesTheOtherPollsAndTheRestOfTheTickAlone() {
        when(sweeps.claimDuePolls(anyInt(), any())).thenReturn(List.of(target(1, "failing"), target(2, "refused"),
                target(3, "c")));
        when(sweeps.abandonedClaims(anyInt())).thenReturn(List.of(7L));
        when(sweeps.pastDeadline(anyInt())).thenReturn(List.of(8L));

        poller.tick();

        assertThat(asked).containsExactly("failing", "refused", "c");
        assertThat(driven).containsExactly(7L);
        verify(rows).fail(eq(8L), eq(StagePoller.STAGE_TIMEOUT), anyString());
    }

    @Test
    void whileTheProvidersCircuitIsOpenNothingIsPolledOrSubmittedButDeadlinesStillPass() {
        when(guard.open()).thenReturn(true);
        when(sweeps.pastDeadline(anyInt())).thenReturn(List.of(9L));

        poller.tick();

        verify(sweeps, never()).claimDuePolls(anyInt(), any());
        assertThat(driven).isEmpty();
        verify(rows).fail(eq(9L), eq(StagePoller.STAGE_TIMEOUT), anyString());
    }

    @Test
    void drivingStopsAsSoonAsTheCircuitOpens() {
        when(sweeps.abandonedClaims(anyInt())).thenReturn(List.of(1L, 2L, 3L));
        when(guard.open()).thenReturn(false, false, false, true);

        poller.tick();

        assertThat(driven).containsExactly(1L, 2L);
    }

    @Test
    void aTickThatLostTheDatabaseEndsQuietlyAndTheNextOneRunsAgain() {
        when(sweeps.claimDuePolls(anyInt(), any())).thenThrow(new IllegalStateException("no database"))
                .thenReturn(List.of(target(1, "a")));

        poller.tick();
        poller.tick();

        assertThat(asked).containsExactly("a");
        verify(rows, never()).fail(anyLong(), anyString(), anyString());
    }

    @Test
    void ticksEveryPollerTick() {
        var registrar = new ScheduledTaskRegistrar();

        poller.configureTasks(registrar);

        assertThat(registrar.getFixedDelayTaskList()).singleElement()
                .satisfies(task -> assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofSeconds(2)));
    }

    private static PollTarget target(long id, String externalId) {
        return new PollTarget("task-" + id, id, externalId);
    }

    private static WaitingStageSettings settings() {
        return new WaitingStageSettings(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofSeconds(30),
                Duration.ofSeconds(30), Duration.ofSeconds(2), 20, Duration.ofMinutes(1));
    }
}
