package dev.acsemulator.call.recording;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The recording files the emulator serves, by document id: what each recorded, from which its WAV and metadata are
 * made on demand. A file is kept for the retention (the service keeps them 48 hours), at most {@code capacity} of
 * them (beyond it the oldest goes), and until it is deleted. Safe from any thread.
 */
public final class RecordingStore {

    /** A recording file: what was recorded, its audio, and when it was stored. */
    public record StoredRecording(RecordedSession session, RecordedAudio audio, Instant storedAt) { }

    private final Map<String, StoredRecording> byDocumentId = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<String> order = new ConcurrentLinkedDeque<>();
    private final List<Consumer<StoredRecording>> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private final Duration retention;
    private final int capacity;

    public RecordingStore(Clock clock, Duration retention, int capacity) {
        this.clock = clock;
        this.retention = retention;
        this.capacity = capacity;
    }

    /** Tells {@code listener} of every file stored (the RecordingFileStatusUpdated publisher). */
    public void whenStored(Consumer<StoredRecording> listener) {
        listeners.add(listener);
    }

    void store(RecordedSession session) {
        StoredRecording stored = new StoredRecording(session, new RecordedAudio(session), clock.instant());
        byDocumentId.put(session.documentId(), stored);
        order.add(session.documentId());
        while (order.size() > capacity) {
            String oldest = order.poll();
            if (oldest != null) {
                byDocumentId.remove(oldest);
            }
        }
        for (Consumer<StoredRecording> listener : listeners) {
            listener.accept(stored);
        }
    }

    /** The file, unless it was deleted, pushed out or is older than the retention. */
    public Optional<StoredRecording> find(String documentId) {
        StoredRecording stored = byDocumentId.get(documentId);
        if (stored == null) {
            return Optional.empty();
        }
        if (stored.storedAt().plus(retention).isBefore(clock.instant())) {
            delete(documentId);
            return Optional.empty();
        }
        return Optional.of(stored);
    }

    /** Deletes the file; false when there was none to delete. */
    public boolean delete(String documentId) {
        order.remove(documentId);
        return byDocumentId.remove(documentId) != null;
    }

    /** The files held, oldest first. */
    public List<StoredRecording> list() {
        List<StoredRecording> all = new ArrayList<>();
        for (String documentId : order) {
            find(documentId).ifPresent(all::add);
        }
        return all;
    }
}
