package dev.acsemulator.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.call.media.DtmfTone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A behaviour's scripted answers as JSON: {@code {"press":"1#","after":"PT2S"}}, {@code {"say":"billing"}},
 * {@code {"silent":true}}, {@code {"hangUp":true,"after":"PT1S"}}. Keys are written as on a keypad: {@code 0}-{@code 9},
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
            return new ScriptedAnswer.Say(node.get("say").asText(), after);
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
