package dev.acsemulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.PersonActions;
import dev.acsemulator.call.audio.VoiceSource;
import dev.acsemulator.call.media.AudioFetcher;
import dev.acsemulator.http.HttpResponseMessage;

import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** What simulated people say into a call, as words and audio, and what they heard from the application, as audio. */
final class VoiceTasks {

    private final PersonActions people;
    private final AudioFetcher fetcher;

    VoiceTasks(PersonActions people, AudioFetcher fetcher) {
        this.people = people;
        this.fetcher = fetcher;
    }

    /**
     * {@code {"phrase":"I'd like to pay my bill"}}: what the person says, as a recognizer would hear it, in the
     * synthetic voice; with {@code "audio"} (a base64 WAV file) or {@code "audioUrl"} (one to download) they say it
     * with that recording instead.
     */
    CompletionStage<HttpResponseMessage> say(AdminTask.Request request) {
        String phrase = request.requiredText("phrase");
        if (phrase.isBlank()) {
            throw ApiErrors.adminBadRequest("'phrase' must not be blank.");
        }
        VoiceSource voice = voice(request.body());
        String serverCallId = request.path("serverCallId");
        Identifier person = Identifier.fromRawId(request.path("rawId"));
        return voice.speak(phrase, fetcher)
                .exceptionally(failure -> {
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    throw cause instanceof VoiceSource.InvalidVoice invalid
                            ? ApiErrors.adminBadRequest(invalid.getMessage()) : new CompletionException(cause);
                })
                .thenCompose(speech -> people.input(serverCallId, person, speech))
                .thenApply(ignored -> HttpResponseMessage.empty(204));
    }

    /** What the person heard from the application, as a 16 kHz mono WAV file. */
    CompletionStage<HttpResponseMessage> heardWav(AdminTask.Request request) {
        return people.heardAsWav(request.path("serverCallId"), Identifier.fromRawId(request.path("rawId")))
                .thenApply(wav -> new HttpResponseMessage(200, Map.of("Content-Type", "audio/wav"), wav));
    }

    private static VoiceSource voice(JsonNode body) {
        JsonNode upload = body.get("audio");
        JsonNode url = body.get("audioUrl");
        if (upload != null && url != null) {
            throw ApiErrors.adminBadRequest("Give 'audio' or 'audioUrl', not both.");
        }
        try {
            if (upload != null) {
                if (!upload.isTextual()) {
                    throw ApiErrors.adminBadRequest("'audio' must be a WAV file in base64.");
                }
                return VoiceSource.uploaded(decode(upload.asText()), "'audio'");
            }
            if (url != null) {
                if (!url.isTextual()) {
                    throw ApiErrors.adminBadRequest("'audioUrl' must be a URL.");
                }
                return VoiceSource.downloaded(url.asText(), "'audioUrl'");
            }
        } catch (VoiceSource.InvalidVoice invalid) {
            throw ApiErrors.adminBadRequest(invalid.getMessage());
        }
        return new VoiceSource.Synthetic();
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw ApiErrors.adminBadRequest("'audio' is not base64: " + e.getMessage() + ".");
        }
    }
}
