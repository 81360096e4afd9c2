package dev.acsemulator.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.call.Identifier;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Behaviours as JSON, the same in the config file and the control API:
 * {@code {"response":"answer|noAnswer|busy|decline|unreachable|manual","answerAfter":"PT2S","hangUpAfter":"PT30S",
 * "forwardAfter":"PT10S","forwardTo":"<rawId>"|null,"answers":[...],"repeatAnswers":false}}; durations are ISO-8601
 * or milliseconds. Each answer (what the person does at one recognize, in order) is one of
 * {@code {"press":"1#","after":"PT2S"}}, {@code {"say":"billing","after":"PT1S"}}, {@code {"silent":true}} and
 * {@code {"hangUp":true,"after":"PT1S"}}; {@code after} defaults to nothing.
 */
public final class BehaviourJson {

    private BehaviourJson() {
    }

    public static Behaviour read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a behaviour must be a JSON object");
        }
        String response = node.path("response").asText("answer");
        Behaviour.Response parsed = switch (response.toLowerCase(Locale.ROOT)) {
            case "answer" -> Behaviour.Response.ANSWER;
            case "noanswer", "no_answer", "no-answer" -> Behaviour.Response.NO_ANSWER;
            case "busy" -> Behaviour.Response.BUSY;
            case "decline", "declines" -> Behaviour.Response.DECLINE;
            case "unreachable", "offline" -> Behaviour.Response.UNREACHABLE;
            case "manual" -> Behaviour.Response.MANUAL;
            default -> throw new IllegalArgumentException("response must be answer, noAnswer, busy, decline, "
                    + "unreachable or manual, not '" + response + "'");
        };
        String forwardTo = text(node, "forwardTo");
        Duration forwardAfter = duration(node, "forwardAfter");
        if (forwardTo != null && forwardAfter == null) {
            throw new IllegalArgumentException("forwardTo needs forwardAfter (how long it rings before forwarding)");
        }
        return new Behaviour(parsed, duration(node, "answerAfter"), duration(node, "hangUpAfter"), forwardAfter,
                forwardTo == null ? null : Identifier.fromRawId(forwardTo))
                .answering(ScriptedAnswerJson.readAll(node.get("answers")), node.path("repeatAnswers").asBoolean());
    }

    public static ObjectNode write(Behaviour behaviour) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        String response = switch (behaviour.response()) {
            case ANSWER -> "answer";
            case NO_ANSWER -> "noAnswer";
            case BUSY -> "busy";
            case DECLINE -> "decline";
            case UNREACHABLE -> "unreachable";
            case MANUAL -> "manual";
        };
        node.put("response", response);
        node.put("answerAfter", behaviour.answerAfter().toString());
        if (behaviour.hangUpAfter() != null) {
            node.put("hangUpAfter", behaviour.hangUpAfter().toString());
        }
        if (behaviour.forwardAfter() != null) {
            node.put("forwardAfter", behaviour.forwardAfter().toString());
            if (behaviour.forwardTo() == null) {
                node.put("forwardTo", "voicemail");
            } else {
                node.put("forwardTo", behaviour.forwardTo().rawId());
            }
        }
        if (!behaviour.answers().isEmpty()) {
            node.set("answers", ScriptedAnswerJson.writeAll(behaviour.answers()));
            node.put("repeatAnswers", behaviour.repeatAnswers());
        }
        return node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || "voicemail".equals(value.asText())) {
            return null;
        }
        return value.asText();
    }

    static Duration duration(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            Duration duration = value.isNumber() ? Duration.ofMillis(value.asLong())
                    : value.asText().startsWith("P") ? Duration.parse(value.asText())
                    : Duration.ofMillis(Long.parseLong(value.asText()));
            if (duration.isNegative()) {
                throw new IllegalArgumentException(field + " must not be negative");
            }
            return duration;
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be an ISO-8601 duration (PT5S) or milliseconds");
        }
    }
}
