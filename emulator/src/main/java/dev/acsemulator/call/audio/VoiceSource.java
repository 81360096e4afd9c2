package dev.acsemulator.call.audio;

import dev.acsemulator.call.media.AudioFetcher;
import dev.acsemulator.call.media.PcmAudio;
import dev.acsemulator.call.media.PersonInput;
import dev.acsemulator.call.media.WavFile;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * What a simulated person speaks a phrase with: the emulator's {@link SyntheticVoice}, a WAV file uploaded with the
 * request, or one downloaded from a URL (off the caller's thread, as a play's source is). A voice file is 16-bit mono
 * PCM at 16 or 24 kHz; anything else is refused with the reason.
 */
public sealed interface VoiceSource {

    /** The phrase spoken with this voice; fails with {@link InvalidVoice} when a downloaded file will not do. */
    CompletableFuture<PersonInput.Speech> speak(String phrase, AudioFetcher fetcher);

    /** A voice file that cannot be spoken with, and why, in words for the control API's 400. */
    final class InvalidVoice extends RuntimeException {
        public InvalidVoice(String message) {
            super(message);
        }
    }

    /** The emulator's synthetic voice of the phrase. */
    record Synthetic() implements VoiceSource {
        @Override
        public CompletableFuture<PersonInput.Speech> speak(String phrase, AudioFetcher fetcher) {
            return CompletableFuture.completedFuture(new PersonInput.Speech(phrase));
        }
    }

    /** A voice file given with the request: its samples, and the file as it came (to show it back). */
    record Uploaded(PcmAudio audio, byte[] wav) implements VoiceSource {
        @Override
        public CompletableFuture<PersonInput.Speech> speak(String phrase, AudioFetcher fetcher) {
            return CompletableFuture.completedFuture(new PersonInput.Speech(phrase, audio));
        }

        /** Two uploads are alike when their files are. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Uploaded that && java.util.Arrays.equals(wav, that.wav);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(wav);
        }

        @Override
        public String toString() {
            return "Uploaded[" + wav.length + " bytes, " + audio.sampleRate() + " Hz, " + audio.duration() + "]";
        }
    }

    /** A voice file to download when the phrase is spoken. */
    record Downloaded(URI uri) implements VoiceSource {
        @Override
        public CompletableFuture<PersonInput.Speech> speak(String phrase, AudioFetcher fetcher) {
            return fetcher.fetch(uri).handle((bytes, failure) -> {
                if (failure != null) {
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    throw new InvalidVoice("The voice file at " + uri + " could not be downloaded: "
                            + cause.getMessage());
                }
                return new PersonInput.Speech(phrase, voice(bytes, "The voice file at " + uri));
            });
        }
    }

    /** An uploaded WAV file's voice; refused, naming {@code what}, when it is not 16-bit mono PCM at 16 or 24 kHz. */
    static Uploaded uploaded(byte[] wav, String what) {
        return new Uploaded(voice(wav, what), wav);
    }

    /** A voice to download from an absolute http or https URL. */
    static Downloaded downloaded(String url, String what) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                throw new InvalidVoice(what + " must be an absolute http or https URL, not '" + url + "'.");
            }
            return new Downloaded(uri);
        } catch (URISyntaxException e) {
            throw new InvalidVoice(what + " is not a URL: " + e.getMessage() + ".");
        }
    }

    private static PcmAudio voice(byte[] wav, String what) {
        return PcmAudio.ofVoice(wav).orElseThrow(() -> new InvalidVoice(what + " must be a WAV file of 16-bit mono "
                + "PCM at 16 or 24 kHz; it is " + WavFile.read(wav).map(WavFile::describe).orElse("not a WAV file")
                + "."));
    }
}
