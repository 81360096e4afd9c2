package dev.acsemulator.conformance.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.testsupport.AppStreamServer;
import dev.acsemulator.conformance.support.AudioFiles;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What stands in, during a replay, for the media the recorded test played from the internet: each entry of a
 * scenario's {@code media} is served by a local HTTP server ({@link AudioFiles}) and its URL is what
 * {@code ${media:name}} becomes. An entry is either {@code {"wav": {"channels", "sampleRate", "bitsPerSample",
 * "millis"}}}, a PCM WAV file of that format and length, or {@code {"text": "..."}}, a body that is no audio file at
 * all (what a web page answers for a URL that names no file, where the recording shows 8535), or
 * {@code {"webSocket": {}}}, the {@code ws://} URL of an application's media stream server ({@link AppStreamServer}).
 */
final class GoldenMedia implements AutoCloseable {

    private final AudioFiles server = new AudioFiles();
    private final Map<String, String> urls = new LinkedHashMap<>();

    /** The application's WebSocket server of a scenario that streams media; started by its first entry. */
    private AppStreamServer streams;

    GoldenMedia(String scenario, JsonNode media) {
        media.properties().forEach(entry -> urls.put(entry.getKey(), entry.getValue().has("webSocket")
                ? streamServer().url()
                : server.serve("/" + scenario + "/" + entry.getKey(), body(scenario, entry.getKey(), entry.getValue()))));
    }

    private AppStreamServer streamServer() {
        if (streams == null) {
            try {
                streams = new AppStreamServer();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the WebSocket server", interrupted);
            }
        }
        return streams;
    }

    private static byte[] body(String scenario, String name, JsonNode spec) {
        if (spec.has("wav")) {
            JsonNode wav = spec.get("wav");
            return AudioFiles.wav(wav.path("channels").asInt(), wav.path("sampleRate").asInt(),
                    wav.path("bitsPerSample").asInt(), wav.path("millis").asLong());
        }
        if (spec.has("text")) {
            return spec.get("text").asText().getBytes(StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException(scenario + " media " + name + ": neither wav nor text: " + spec);
    }

    /** The URL serving the named entry, or null when the scenario has none of that name. */
    String url(String name) {
        return urls.get(name);
    }

    @Override
    public void close() {
        server.close();
        if (streams != null) {
            streams.close();
        }
    }
}
