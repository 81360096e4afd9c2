package dev.acsemulator.logging;

/** Where the emulator's lines go once they are let through: off the event loops ({@link LogQueue}), or at once. */
@FunctionalInterface
public interface LineWriter {

    /** Must not block. */
    void write(LogLine line);

    /** Writes on the calling thread: for code that is not on an event loop, and for tests. */
    LineWriter IMMEDIATE = LogLine::writeNow;
}
