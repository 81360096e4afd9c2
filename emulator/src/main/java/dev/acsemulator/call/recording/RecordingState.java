package dev.acsemulator.call.recording;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a call recording is in its life (call-automation-behaviour.md §2.17). The wire knows only {@code active} and
 * {@code inactive}: StartRecording answers {@code inactive} while the recording bot joins (recorded by the real
 * service: azure-sdk-for-java CallRecordingAutomatedLiveTests.createACSCallAndUnmixedAudioTest session record), and
 * RecordingStateChanged reports {@code active} once it records.
 */
public enum RecordingState {

    /** Accepted; the recording bot is joining the call (or was resumed before it joined). Nothing is recorded yet. */
    STARTING("inactive"),
    /** Recording what the call carries. */
    ACTIVE("active"),
    /** Paused by the application, or started with {@code pauseOnStart}: the file gets nothing of this time. */
    PAUSED("inactive"),
    /** Stopped by the application or by the end of the call; its file is being made or is ready. Final. */
    STOPPED("inactive");

    private final String wireName;

    RecordingState(String wireName) {
        this.wireName = wireName;
    }

    /** {@code active} or {@code inactive}, as the spec's RecordingState enum names it. */
    public String wireName() {
        return wireName;
    }

    /** The states this one may be entered from; {@link Recording#transitionTo} refuses any other. */
    public Set<RecordingState> legalPredecessors() {
        return switch (this) {
            case STARTING -> EnumSet.of(PAUSED);
            case ACTIVE -> EnumSet.of(STARTING, PAUSED);
            case PAUSED -> EnumSet.of(STARTING, ACTIVE);
            case STOPPED -> EnumSet.of(STARTING, ACTIVE, PAUSED);
        };
    }
}
