package dev.acsemulator.call;

import dev.acsemulator.call.audio.CallAudio;
import dev.acsemulator.call.media.CallMedia;
import dev.acsemulator.call.media.InputListener;
import dev.acsemulator.call.media.PersonInput;
import dev.acsemulator.runtime.Lane;

import java.util.ArrayList;
import java.util.List;

/**
 * What only a call with media holds: its audio timeline, its media operations, the operations listening to what its
 * people say, and what must run when it ends. {@link Call} makes it when the first of these is needed (a media
 * operation, a recording, a media stream or transcription, a person's input, a reading of the audio), so an idle
 * call holds none of it. On the call's lane.
 */
final class CallMediaSide {

    /** Every sound of the call, who made it and who heard it. */
    private final CallAudio audio;
    /** Plays and what people heard; made by the first media operation, as a recording or a stream needs none. */
    private CallMedia media;
    /** Media operations listening to the call's audio, in the order they started listening. */
    private List<InputListener> inputListeners = List.of();
    /** What must happen when the call ends before its connections are told (recordings stop). */
    private List<Runnable> endListeners = List.of();

    CallMediaSide(CallAudio audio) {
        this.audio = audio;
    }

    CallAudio audio() {
        return audio;
    }

    CallMedia media() {
        if (media == null) {
            media = new CallMedia();
            audio.listenTo(media);
        }
        return media;
    }

    /** The media operations, or null when none ever ran. */
    CallMedia mediaOrNull() {
        return media;
    }

    /** A person put {@code input} into the call: the timeline keeps it, and every listening operation hears it. */
    void heard(Identifier person, PersonInput input) {
        audio.said(person, input);
        // listen() and its handle replace the list instead of changing it, so this one stays as it is while a
        // listener starts or stops others.
        for (InputListener listener : inputListeners) {
            listener.heard(person, input);
        }
    }

    Lane.Cancellable listen(InputListener listener) {
        inputListeners = with(inputListeners, listener);
        return () -> inputListeners = without(inputListeners, listener);
    }

    Lane.Cancellable whenEnded(Runnable listener) {
        endListeners = with(endListeners, listener);
        return () -> endListeners = without(endListeners, listener);
    }

    /** The call ended: its media stops, then its timeline, then what waited for the end runs. */
    void callEnded() {
        if (media != null) {
            media.callEnded();
        }
        audio.callEnded();
        for (Runnable listener : endListeners) {
            listener.run();
        }
    }

    /** A new list: {@code list} and {@code item} (lists are replaced, never changed, while they are walked). */
    private static <T> List<T> with(List<T> list, T item) {
        List<T> more = new ArrayList<>(list);
        more.add(item);
        return more;
    }

    private static <T> List<T> without(List<T> list, T item) {
        List<T> remaining = new ArrayList<>(list);
        remaining.remove(item);
        return remaining.isEmpty() ? List.of() : remaining;
    }
}
