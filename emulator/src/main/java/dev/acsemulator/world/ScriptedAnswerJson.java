package dev.acsemulator.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.call.audio.VoiceSource;
import dev.acsemulator.call.media.DtmfTone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A behaviour's scripted answers as JSON: {@code {"press":"1#","after":"PT2S"}}, {@code {"say":"billing"}} (with
 * {@code "audio"}, a base64 WAV file, or {@code "audioUrl"}, to say it with a recording), {@code {"silent":true}},
 * {@code {"hangUp":true,"after":"PT1S"}}. Keys are written as on a keypad: {@code 0}-{@code 9},
 * {@code A}-{@code D}, {@code #}, {@code *}.
 */
final class ScriptedAnswerJson {

    private ScriptedAnswerJson() {
    }

    static List<ScriptedAnswer> readAll(JsonNode array) {
        List<ScriptedAnswer> answers = new ArrayList<>();
        if (array == null || array.isNull()) {
            return answers;
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException("answers must be a JSON array");
        }
        for (int i = 0; i < array.size(); i++) {
            answers.add(read(array.get(i), "answers[" + i + "]"));
        }
        return answers;
    }

    private static ScriptedAnswer read(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + " must be a JSON object");
        }
        Duration after = BehaviourJson.duration(node, "after");
        after = after == null ? Duration.ZERO : after;
        if (node.hasNonNull("press")) {
            return new ScriptedAnswer.Press(keys(node.get("press").asText(), where), after);
        }
        if (node.hasNonNull("say")) {
            return new ScriptedAnswer.Say(node.get("say").asText(), voice(node, where), after);
        }
        if (node.path("silent").asBoolean(false)) {
            return new ScriptedAnswer.Silent();
        }
        if (node.path("hangUp").asBoolean(false)) {
            return new ScriptedAnswer.HangUp(after);
        }
        throw new IllegalArgumentException(where + " must be one of {\"press\":\"1#\"}, {\"say\":\"...\"}, "
                + "{\"silent\":true} or {\"hangUp\":true}");
    }

    /**
     * The voice a phrase is said with: {@code "audio"} (a base64 WAV file) or {@code "audioUrl"} (one to download
     * when it is said), else the synthetic voice.
     */
    private static VoiceSource voice(JsonNode node, String where) {
        JsonNode upload = node.get("audio");
        JsonNode url = node.get("audioUrl");
        if (upload != null && url != null) {
            throw new IllegalArgumentException(where + " gives 'audio' and 'audioUrl'; give one");
        }
        try {
            if (upload != null) {
                return VoiceSource.uploaded(Base64.getMimeDecoder().decode(upload.asText()), where + ".audio");
            }
            if (url != null) {
                return VoiceSource.downloaded(url.asText(), where + ".audioUrl");
            }
        } catch (VoiceSource.InvalidVoice e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".audio is not base64: " + e.getMessage(), e);
        }
        return new VoiceSource.Synthetic();
    }

    private static List<DtmfTone> keys(String pressed, String where) {
        List<DtmfTone> tones = new ArrayList<>();
        for (char key : pressed.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            tones.add(tone(key).orElseThrow(() -> new IllegalArgumentException(where + ".press: '" + key
                    + "' is not a key (0-9, A-D, #, *)")));
        }
        if (tones.isEmpty()) {
            throw new IllegalArgumentException(where + ".press needs at least one key");
        }
        return tones;
    }

    private static java.util.Optional<DtmfTone> tone(char key) {
        for (DtmfTone tone : DtmfTone.values()) {
            if (tone.key() == key) {
                return java.util.Optional.of(tone);
            }
        }
        return java.util.Optional.empty();
    }

    static ArrayNode writeAll(List<ScriptedAnswer> answers) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (ScriptedAnswer answer : answers) {
            ObjectNode node = array.addObject();
            if (answer instanceof ScriptedAnswer.Press press) {
                StringBuilder keys = new StringBuilder();
                press.tones().forEach(tone -> keys.append(tone.key()));
                node.put("press", keys.toString());
            } else if (answer instanceof ScriptedAnswer.Say say) {
                node.put("say", say.phrase());
                if (say.voice() instanceof VoiceSource.Uploaded uploaded) {
                    node.put("audio", Base64.getEncoder().encodeToString(uploaded.wav()));
                } else if (say.voice() instanceof VoiceSource.Downloaded downloaded) {
                    node.put("audioUrl", downloaded.uri().toString());
                }
            } else if (answer instanceof ScriptedAnswer.Silent) {
                node.put("silent", true);
            } else if (answer instanceof ScriptedAnswer.HangUp) {
                node.put("hangUp", true);
            }
            if (!answer.after().isZero()) {
                node.put("after", answer.after().toString());
            }
        }
        return array;
    }
}
