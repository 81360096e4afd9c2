package dev.acsemulator.call.media;

import dev.acsemulator.runtime.Lane;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Turns a play source into something that can be heard, as the play service does before it plays it: a file is
 * downloaded (or taken from the cache by its {@code playSourceCacheId}) and its RIFF header read; text and SSML are
 * measured at {@link SpokenDuration}'s rate. Text and SSML need the call's Azure AI services link, which is checked
 * before a source gets here: {@link MediaService} refuses a play, recognize or hold that needs it on a connection
 * without one ({@link AiServicesLink}, 405/8522), and the link cannot change during the call.
 */
public final class SourcePreparer {

    private final AudioFetcher fetcher;
    private final AudioCache cache;

    public SourcePreparer(AudioFetcher fetcher, AudioCache cache) {
        this.fetcher = fetcher;
        this.cache = cache;
    }

    /** Completes with the prepared source, never exceptionally; off the caller's thread when a file is downloaded. */
    public CompletableFuture<PreparedSource> prepare(PlaySource source) {
        if (source instanceof PlaySource.File file) {
            return file(file);
        }
        return CompletableFuture.completedFuture(speech(source.content(), source instanceof PlaySource.Ssml));
    }

    /**
     * Prepares every source (a play's sources, a recognize's prompts) and hands them, in order, to {@code then} on
     * {@code lane} once all are ready.
     */
    public void prepareAll(List<PlaySource> sources, Lane lane, Consumer<List<PreparedSource>> then) {
        List<CompletableFuture<PreparedSource>> preparing = new ArrayList<>(sources.size());
        for (PlaySource source : sources) {
            preparing.add(prepare(source));
        }
        CompletableFuture.allOf(preparing.toArray(CompletableFuture[]::new)).whenComplete((ignored, failure) ->
                lane.execute(() -> then.accept(preparing.stream().map(CompletableFuture::join).toList())));
    }

    private CompletableFuture<PreparedSource> file(PlaySource.File file) {
        if (file.cacheId() != null) {
            var cached = cache.get(file.cacheId());
            if (cached.isPresent()) {
                return CompletableFuture.completedFuture(PreparedSource.sounding(cached.get()));
            }
        }
        return fetcher.fetch(file.uri()).handle((bytes, failure) -> {
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                return PreparedSource.failing(MediaResults.FILE_NOT_DOWNLOADED, file.uri() + ": " + cause);
            }
            return WavFile.read(bytes)
                    .map(wav -> {
                        if (!wav.isPlayable()) {
                            return PreparedSource.failing(MediaResults.FILE_FORMAT_INVALID,
                                    file.uri() + " is " + wav.describe());
                        }
                        PcmAudio audio = PcmAudio.of(bytes, wav);
                        if (file.cacheId() != null) {
                            cache.put(file.cacheId(), audio);
                        }
                        return PreparedSource.sounding(audio);
                    })
                    .orElseGet(() -> PreparedSource.failing(MediaResults.FILE_FORMAT_INVALID,
                            file.uri() + " is not a RIFF/WAVE file"));
        });
    }

    private static PreparedSource speech(String content, boolean ssml) {
        if (content.isBlank()) {
            return PreparedSource.failing(MediaResults.TEXT_OR_SSML_EMPTY, "empty " + (ssml ? "SSML" : "text"));
        }
        if (!ssml) {
            return PreparedSource.lasting(SpokenDuration.ofText(content));
        }
        try {
            return PreparedSource.lasting(SpokenDuration.ofSsml(content));
        } catch (SpokenDuration.InvalidSsml e) {
            return PreparedSource.failing(MediaResults.SPEECH_BAD_REQUEST, e.getMessage());
        }
    }
}
