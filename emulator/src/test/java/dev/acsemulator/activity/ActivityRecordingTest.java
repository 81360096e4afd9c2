package dev.acsemulator.activity;

import dev.acsemulator.testing.SettableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityRecordingTest {

    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
    private final SettableClock clock = new SettableClock(START);

    @Test
    void onFirstLookItWaitsThenRecordsFromTheFirstLookAndTellsThatMomentOnce() {
        ActivityRecording recording = ActivityRecording.onFirstLook(clock);
        List<Instant> told = new CopyOnWriteArrayList<>();
        recording.whenStarted(told::add);
        assertThat(recording.isOn()).isFalse();
        assertThat(recording.state()).isEqualTo(ActivityRecording.State.WAITING_FOR_FIRST_LOOK);

        clock.set(START.plusSeconds(90));
        recording.looked();
        clock.set(START.plusSeconds(200));
        recording.looked();

        assertThat(recording.isOn()).isTrue();
        assertThat(recording.state()).isEqualTo(ActivityRecording.State.RECORDING);
        assertThat(recording.since()).isEqualTo(START.plusSeconds(90));
        assertThat(told).containsExactly(START.plusSeconds(90));
    }

    @Test
    void fromTheStartItRecordsAtOnceAndHasNoFirstLookToTell() {
        ActivityRecording recording = ActivityRecording.fromStart(clock);
        List<Instant> told = new CopyOnWriteArrayList<>();
        recording.whenStarted(told::add);

        recording.looked();

        assertThat(recording.isOn()).isTrue();
        assertThat(recording.since()).isNull();
        assertThat(told).isEmpty();
    }

    @Test
    void theMarkerOfARebuiltActivitySaysFromWhenAndThatEarlierRequestsAreNotShown() {
        assertThat(ActivityRebuild.recordedFrom(Instant.parse("2026-01-01T09:05:07.250Z"))).isEqualTo(
                "recorded from 09:05:07 UTC, when the activity was first looked at: REST requests before are not shown");
    }
}
