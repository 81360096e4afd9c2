package dev.acsemulator.call.recording;

/** A stored recording: what it is, its audio content and its metadata JSON, each read by range. */
public interface RecordingFile {

    RecordingListing listing();

    RangedBytes content();

    RangedBytes metadata();
}
