package dev.acsemulator.call.media;

import dev.acsemulator.call.Identifier;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Something one participant of a call hears, as it sounds: a play's or a recognize's source, hold audio, or the tones
 * SendDtmfTones sends them. What it sounds like: the file's samples from {@link #start()} ({@link #audio()}, repeated
 * when {@link #looping()}), or the {@link #tones()} one after another, each for {@link SendDtmfTonesOperation#TONE}
 * with {@link SendDtmfTonesOperation#GAP} between two, or nothing audible (text and SSML: the emulator synthesises
 * no speech). It stops at {@link #end()}, which may cut it short. Read on the call's lane.
 */
public interface HeardSound {

    Identifier listener();

    Instant start();

    /** When it stopped; empty while it is still heard. */
    Optional<Instant> end();

    /** The samples heard, or null when it has none. */
    PcmAudio audio();

    /** Whether {@link #audio()} starts again from its first sample when it ends (hold audio). */
    boolean looping();

    /** The DTMF tones sent to the listener; empty for anything else. */
    List<DtmfTone> tones();
}
