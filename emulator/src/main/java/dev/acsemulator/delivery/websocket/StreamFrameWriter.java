package dev.acsemulator.delivery.websocket;

import dev.acsemulator.call.streaming.StreamFrame;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * Writes a stream frame as the service's JSON text message (Microsoft Learn audio streaming quickstart; field names
 * as the SDKs read them, case-sensitive: {@code participantRawID} with a capital ID). The root {@code kind} is in the
 * service's PascalCase, which the .NET and JS parsers switch on; the camelCase object under it is what the Java
 * parser reads. Timestamps are UTC with milliseconds and a {@code Z}, as the Java SDK's ISO_OFFSET_DATE_TIME parse
 * needs. Written by hand: 50 frames a second per stream are the emulator's hottest output.
 */
public final class StreamFrameWriter {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private StreamFrameWriter() {
    }

    public static String write(StreamFrame frame) {
        if (frame instanceof StreamFrame.AudioData audio) {
            String data = Base64.getEncoder().encodeToString(audio.pcm());
            StringBuilder json = new StringBuilder(data.length() + 160)
                    .append("{\"kind\":\"AudioData\",\"audioData\":{\"timestamp\":\"")
                    .append(timestamp(audio.timestamp())).append("\",\"participantRawID\":");
            quoted(json, audio.participantRawId());
            return json.append(",\"data\":\"").append(data).append("\",\"silent\":").append(audio.silent())
                    .append("}}").toString();
        }
        if (frame instanceof StreamFrame.DtmfData dtmf) {
            StringBuilder json = new StringBuilder(160).append("{\"kind\":\"DtmfData\",\"dtmfData\":{\"timestamp\":\"")
                    .append(timestamp(dtmf.timestamp())).append("\",\"participantRawID\":");
            quoted(json, dtmf.participantRawId());
            json.append(",\"data\":");
            quoted(json, dtmf.data());
            return json.append("}}").toString();
        }
        StreamFrame.AudioMetadata metadata = (StreamFrame.AudioMetadata) frame;
        StringBuilder json = new StringBuilder(200).append("{\"kind\":\"AudioMetadata\",\"audioMetadata\":{")
                .append("\"subscriptionId\":");
        quoted(json, metadata.subscriptionId());
        return json.append(",\"encoding\":\"PCM\",\"sampleRate\":").append(metadata.format().sampleRate())
                .append(",\"channels\":1,\"length\":").append(metadata.format().bytesPerFrame()).append("}}")
                .toString();
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    private static void quoted(StringBuilder json, String value) {
        json.append('"').append(JsonStringEncoder.getInstance().quoteAsString(value)).append('"');
    }
}
