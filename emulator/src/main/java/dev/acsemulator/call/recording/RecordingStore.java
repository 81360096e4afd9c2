package dev.acsemulator.call.recording;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The recording files the emulator serves, by document id. A stopped recording's content (in its format) and
 * metadata are written once, on the {@code files} executor (never on a call's lane or an event loop), into
 * {@link RecordingFiles} (memory or disk); only then is it announced. A file is kept for the retention (the service
 * keeps them 48 hours), until it is deleted, and while the files together stay within {@code maxBytes}: beyond it
 * the oldest go first (a log line each), though the newest file is always kept. Files an earlier run left on disk
 * are listed again at start, those past the retention deleted. Safe from any thread.
 */
public final class RecordingStore {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingStore.class);

    private final Map<String, RecordingFile> byDocumentId = new LinkedHashMap<>();
    private final List<Consumer<RecordedSession>> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private final Duration retention;
    private final long maxBytes;
    private final RecordingFiles files;
    private final Function<RecordedSession, byte[]> metadata;
    private final Executor io;
    private final AtomicInteger writing = new AtomicInteger();
    private long totalBytes;

    /**
     * @param metadata how the metadata JSON of a recording is written (the content API's format)
     * @param io       where files are written, read and deleted
     */
    public RecordingStore(Clock clock, Duration retention, long maxBytes, RecordingFiles files,
                          Function<RecordedSession, byte[]> metadata, Executor io) {
        this.clock = clock;
        this.retention = retention;
        this.maxBytes = maxBytes;
        this.files = files;
        this.metadata = metadata;
        this.io = io;
    }

    /** Takes in the files an earlier run left within the retention, oldest first, and deletes the others. */
    public void loadExisting() throws IOException {
        List<RecordingFile> existing = new ArrayList<>(files.existing());
        existing.sort(Comparator.comparing(file -> file.listing().storedAt()));
        for (RecordingFile file : existing) {
            if (expired(file.listing())) {
                LOG.info("Recording file {} deleted: stored at {}, past the retention of {}",
                        file.listing().documentId(), file.listing().storedAt(), retention);
                files.delete(file.listing());
            } else {
                add(file);
            }
        }
        evictBeyondBound();
    }

    /** Tells {@code listener} of every file stored, once it can be read (the RecordingFileStatusUpdated publisher). */
    public void whenStored(Consumer<RecordedSession> listener) {
        listeners.add(listener);
    }

    /** Writes the stopped recording's file off the caller's thread, then announces it. */
    void store(RecordedSession session) {
        Instant storedAt = clock.instant();
        writing.incrementAndGet();
        io.execute(() -> {
            try {
                RecordingFormat format = RecordingFormat.of(session.options().format());
                RangedBytes content = RecordingEncoder.encode(session, format);
                byte[] json = metadata.apply(session);
                RecordingListing listing = new RecordingListing(session.documentId(), session.recordingId(),
                        session.serverCallId(), session.correlationId(), session.start(), session.duration(),
                        session.options().channel(), format.wireName(), session.channelCount(),
                        session.channels().stream().map(participant -> participant.rawId()).toList(),
                        session.sessionEndReason(), content.size() + json.length, storedAt);
                add(files.write(listing, content, json));
                evictBeyondBound();
                sweepExpired();
            } catch (IOException | RuntimeException e) {
                LOG.error("Recording file {} of recording {} could not be stored", session.documentId(),
                        session.recordingId(), e);
                writing.decrementAndGet();
                return;
            }
            try {
                for (Consumer<RecordedSession> listener : listeners) {
                    listener.accept(session);
                }
            } catch (RuntimeException e) {
                LOG.warn("Recording file {} is stored but could not be announced", session.documentId(), e);
            } finally {
                writing.decrementAndGet();
            }
        });
    }

    /** How many stopped recordings' files are being written (the virtual clock waits for them). */
    public int writing() {
        return writing.get();
    }

    /** The file, unless it was deleted, pushed out or is older than the retention. */
    public synchronized Optional<RecordingFile> find(String documentId) {
        RecordingFile file = byDocumentId.get(documentId);
        return file == null || expired(file.listing()) ? Optional.empty() : Optional.of(file);
    }

    /** The stored file of a recording, unless it was deleted, pushed out or is older than the retention. */
    public synchronized Optional<RecordingFile> findByRecordingId(String recordingId) {
        return byDocumentId.values().stream().filter(file -> file.listing().recordingId().equals(recordingId))
                .filter(file -> !expired(file.listing())).findFirst();
    }

    /** When a file stored at {@code storedAt} is deleted for its age. */
    public Instant expiresAt(RecordingListing listing) {
        return listing.storedAt().plus(retention);
    }

    /** Runs {@code work} (reading a file) on the files' executor. */
    public <T> CompletableFuture<T> onFiles(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, io);
    }

    /** Deletes the file, on the files' executor; false when there was none to delete. */
    public CompletableFuture<Boolean> delete(String documentId) {
        return onFiles(() -> {
            RecordingFile removed;
            synchronized (this) {
                if (find(documentId).isEmpty()) {
                    return false;
                }
                removed = remove(documentId);
            }
            deleteFiles(removed.listing(), "deleted on request");
            return true;
        });
    }

    /** The files held, oldest first. */
    public synchronized List<RecordingListing> list() {
        return byDocumentId.values().stream().map(RecordingFile::listing).filter(listing -> !expired(listing))
                .toList();
    }

    /** Deletes the files past the retention (on the files' executor). */
    public void sweepExpired() {
        List<RecordingFile> expired;
        synchronized (this) {
            expired = byDocumentId.values().stream().filter(file -> expired(file.listing())).toList();
            expired.forEach(file -> remove(file.listing().documentId()));
        }
        for (RecordingFile file : expired) {
            deleteFiles(file.listing(), "past the retention of " + retention);
        }
    }

    private synchronized void add(RecordingFile file) {
        RecordingFile replaced = byDocumentId.put(file.listing().documentId(), file);
        if (replaced != null) {
            totalBytes -= replaced.listing().bytes();
        }
        totalBytes += file.listing().bytes();
    }

    private synchronized RecordingFile remove(String documentId) {
        RecordingFile removed = byDocumentId.remove(documentId);
        if (removed != null) {
            totalBytes -= removed.listing().bytes();
        }
        return removed;
    }

    /** Oldest first, until the files fit {@code maxBytes}; the newest stays even alone beyond it. */
    private void evictBeyondBound() {
        List<RecordingFile> evicted = new ArrayList<>();
        synchronized (this) {
            while (totalBytes > maxBytes && byDocumentId.size() > 1) {
                evicted.add(remove(byDocumentId.keySet().iterator().next()));
            }
        }
        for (RecordingFile file : evicted) {
            deleteFiles(file.listing(), "the oldest, to keep the files within " + maxBytes + " bytes");
        }
    }

    private void deleteFiles(RecordingListing listing, String why) {
        LOG.info("Recording file {} of call {} deleted: {}", listing.documentId(), listing.serverCallId(), why);
        try {
            files.delete(listing);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean expired(RecordingListing listing) {
        return expiresAt(listing).isBefore(clock.instant());
    }
}
