package dev.acsemulator.call;

import dev.acsemulator.call.recording.MemoryRecordingFiles;
import dev.acsemulator.call.recording.RecordedAudio;
import dev.acsemulator.call.recording.RecordedSession;
import dev.acsemulator.call.recording.RecordingStore;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A recording store in memory that writes on the thread that stops a recording, and what it stored: each stopped
 * recording's session and its WAV, oldest first.
 */
final class StoredRecordings {

    /** What a stopped recording captured, and its WAV. */
    record Stored(RecordedSession session, RecordedAudio audio) { }

    final RecordingStore store;
    private final List<Stored> stored = new CopyOnWriteArrayList<>();

    StoredRecordings(Clock clock) {
        store = new RecordingStore(clock, Duration.ofHours(48), Long.MAX_VALUE, new MemoryRecordingFiles(),
                session -> new byte[0], Runnable::run);
        store.whenStored(session -> stored.add(new Stored(session, new RecordedAudio(session))));
    }

    List<Stored> list() {
        return List.copyOf(stored);
    }
}
