package dev.acsemulator.call.audio;

import dev.acsemulator.call.media.PcmAudio;

/**
 * The samples of a WAV file from its first one (a prompt, hold audio, a voice a person speaks with), again and again
 * when {@code looping} (hold audio), silent after its last one otherwise.
 */
public record FileSamples(PcmAudio audio, boolean looping) implements Signal {

    @Override
    public double value(long index, int hertz) {
        long at = index;
        if (looping) {
            long lengthAtRate = AudioRate.samplesIn(audio.duration(), hertz);
            if (lengthAtRate <= 0) {
                return 0;
            }
            at = hertz == audio.sampleRate() ? index % audio.frames() : index % lengthAtRate;
        }
        return Resampling.at(at, hertz, audio.sampleRate(), audio.frames(), audio::sample);
    }
}
