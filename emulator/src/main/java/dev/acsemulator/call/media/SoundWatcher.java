package dev.acsemulator.call.media;

/**
 * Who is told, on the call's lane, each time a participant starts hearing something ({@link CallMedia#watch}): a
 * recording keeps what it heard to put it in its file.
 */
@FunctionalInterface
public interface SoundWatcher {

    void started(HeardSound sound);
}
