package dev.acsemulator.call.recording;

import java.util.List;

/**
 * Recording files in memory: the content as it was made (a WAV renders its bytes on demand), gone when the emulator
 * stops. What the JUnit extension and other tests use.
 */
public final class MemoryRecordingFiles implements RecordingFiles {

    private record Held(RecordingListing listing, RangedBytes content, RangedBytes metadata) implements RecordingFile { }

    @Override
    public RecordingFile write(RecordingListing listing, RangedBytes content, byte[] metadata) {
        return new Held(listing, content, RangedBytes.of(metadata));
    }

    @Override
    public List<RecordingFile> existing() {
        return List.of();
    }

    @Override
    public void delete(RecordingListing listing) {
        // Dropping it from the store's index is all there is to it.
    }
}
