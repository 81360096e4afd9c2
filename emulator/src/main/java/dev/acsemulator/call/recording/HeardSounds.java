package dev.acsemulator.call.recording;

import dev.acsemulator.call.media.DtmfTone;
import dev.acsemulator.call.media.HeardSound;
import dev.acsemulator.call.media.SendDtmfTonesOperation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a recording keeps of the sounds its call's participants heard, once it stops: each sound ends where it ended,
 * or at the recording's stop when it still sounds then; a file's samples end with the file unless they loop.
 */
final class HeardSounds {

    private HeardSounds() {
    }

    /** The samples of WAV files heard; text and SSML, which sound of nothing, are left out. */
    static List<RecordedSession.Prompt> prompts(List<HeardSound> sounds, Instant stop) {
        List<RecordedSession.Prompt> prompts = new ArrayList<>();
        for (HeardSound sound : sounds) {
            if (sound.audio() == null) {
                continue;
            }
            Instant end = endOf(sound, stop);
            if (!sound.looping()) {
                Instant last = sound.start().plus(sound.audio().duration());
                end = last.isBefore(end) ? last : end;
            }
            if (sound.start().isBefore(end)) {
                prompts.add(new RecordedSession.Prompt(sound.start(), end, sound.audio(), sound.looping(),
                        sound.listener()));
            }
        }
        return prompts;
    }

    /** Each tone the application sent, at its place in the send, cut where the send was cut. */
    static List<RecordedSession.Tone> tonesSent(List<HeardSound> sounds, Instant stop) {
        List<RecordedSession.Tone> tones = new ArrayList<>();
        Duration step = SendDtmfTonesOperation.TONE.plus(SendDtmfTonesOperation.GAP);
        for (HeardSound sound : sounds) {
            Instant end = endOf(sound, stop);
            Instant at = sound.start();
            for (DtmfTone tone : sound.tones()) {
                if (!at.isBefore(end)) {
                    break;
                }
                Instant toneEnd = at.plus(SendDtmfTonesOperation.TONE);
                Duration length = Duration.between(at, toneEnd.isBefore(end) ? toneEnd : end);
                tones.add(new RecordedSession.Tone(at, length, tone, sound.listener()));
                at = at.plus(step);
            }
        }
        return tones;
    }

    private static Instant endOf(HeardSound sound, Instant stop) {
        Instant end = sound.end().orElse(stop);
        return end.isAfter(stop) ? stop : end;
    }
}
