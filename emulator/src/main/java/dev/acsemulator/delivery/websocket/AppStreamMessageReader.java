package dev.acsemulator.delivery.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.call.streaming.AppStreamMessage;

import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Reads what an application sends on a bidirectional stream, in every spelling the SDKs write (their
 * OutStreamingData helpers): Java {@code {"kind":"AudioData","audioData":{"data":…}}}, JS
 * {@code {"kind":"audioData","audioData":{…},"stopAudio":{}}}, .NET and the Python sample
 * {@code {"Kind":"AudioData","AudioData":{"Data":…}}}, and StopAudio in each. Keys and {@code kind} are matched
 * ignoring case; the message is chosen by {@code kind}, never by which keys are present (JS sends
 * {@code stopAudio:{}} on audio too). Anything else is {@link AppStreamMessage.Unreadable}, saying why.
 */
public final class AppStreamMessageReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AppStreamMessageReader() {
    }

    public static AppStreamMessage read(String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (Exception notJson) {
            return new AppStreamMessage.Unreadable("not JSON");
        }
        if (root == null || !root.isObject()) {
            return new AppStreamMessage.Unreadable("not a JSON object");
        }
        JsonNode kind = member(root, "kind");
        if (kind == null || !kind.isTextual()) {
            return new AppStreamMessage.Unreadable("no kind");
        }
        switch (kind.asText().toLowerCase(Locale.ROOT)) {
            case "audiodata" -> {
                JsonNode audio = member(root, "audioData");
                JsonNode data = audio == null ? null : member(audio, "data");
                if (data == null || !data.isTextual()) {
                    return new AppStreamMessage.Unreadable("AudioData without audioData.data");
                }
                try {
                    return new AppStreamMessage.AppAudio(Base64.getDecoder().decode(data.asText()));
                } catch (IllegalArgumentException notBase64) {
                    return new AppStreamMessage.Unreadable("audioData.data is not base64");
                }
            }
            case "stopaudio" -> {
                return new AppStreamMessage.StopAudio();
            }
            default -> {
                return new AppStreamMessage.Unreadable("unknown kind " + kind.asText());
            }
        }
    }

    /** The member named {@code name} in any case. */
    private static JsonNode member(JsonNode object, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }
}
