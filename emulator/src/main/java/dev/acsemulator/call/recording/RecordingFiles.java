package dev.acsemulator.call.recording;

import java.io.IOException;
import java.util.List;

/**
 * Where recording files are kept: in memory (lost when the emulator stops, for tests) or on disk under the data
 * directory (kept across restarts). Called off the event loops, one file at a time per document id.
 */
public interface RecordingFiles {

    /** Keeps a stopped recording's content and metadata, written once, and returns it as it is now stored. */
    RecordingFile write(RecordingListing listing, RangedBytes content, byte[] metadata) throws IOException;

    /** The files kept by an earlier run, in any order ({@code memory}: none). */
    List<RecordingFile> existing() throws IOException;

    /** Removes the file's content and metadata. */
    void delete(RecordingListing listing) throws IOException;
}
