package dev.acsemulator.runtime;

/** Gives every call its lane: real threads in real time, or the single lane of virtual time. */
public interface LaneSource extends AutoCloseable {

    /** The lane for a key (a call's id); the same key always gets the same lane. */
    Lane forKey(String key);

    @Override
    void close();
}
