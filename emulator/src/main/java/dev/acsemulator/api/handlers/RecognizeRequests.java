package dev.acsemulator.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.media.DtmfTone;
import dev.acsemulator.call.media.PlaySource;
import dev.acsemulator.call.media.RecognizeChoice;
import dev.acsemulator.call.media.RecognizeInputType;
import dev.acsemulator.call.media.RecognizeRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A RecognizeRequest body, read into the domain's {@link RecognizeRequest} with the service's defaults, or refused
 * with 400/8523 naming the field (call-automation-behaviour.md §2.14; the ranges are the spec's).
 */
final class RecognizeRequests {

    private RecognizeRequests() {
    }

    static RecognizeRequest read(String callConnectionId, JsonNode body, String operationCallbackUri) {
        RecognizeInputType type = RecognizeInputType.fromWireName(body.path("recognizeInputType").asText(""))
                .orElseThrow(() -> ApiErrors.invalidRequest(
                        "recognizeInputType must be dtmf, choices, speech or speechOrDtmf."));
        JsonNode options = body.path("recognizeOptions");
        Identifier target = RequestFields.requiredIdentifier(options, "targetParticipant");
        JsonNode dtmf = options.path("dtmfOptions");
        int maxTones = optionalInt(dtmf, "maxTonesToCollect", RecognizeRequest.DEFAULT_MAX_TONES, 1,
                Integer.MAX_VALUE);
        List<RecognizeChoice> choices = choices(options.get("choices"));
        if (type == RecognizeInputType.CHOICES && choices.isEmpty()) {
            throw ApiErrors.invalidRequest("recognizeOptions.choices must list at least one choice for a choices "
                    + "recognize.");
        }
        return new RecognizeRequest(callConnectionId, type, prompts(body), target,
                options.path("interruptPrompt").asBoolean(false),
                seconds(options, "initialSilenceTimeoutInSeconds", RecognizeRequest.DEFAULT_INITIAL_SILENCE_TIMEOUT,
                        0, 300),
                seconds(dtmf, "interToneTimeoutInSeconds", RecognizeRequest.DEFAULT_INTER_TONE_TIMEOUT, 1, 60),
                maxTones, stopTones(dtmf.get("stopTones")), endSilence(options.path("speechOptions")), choices,
                RequestFields.text(options, "speechLanguage"),
                body.path("interruptCallMediaOperation").asBoolean(false),
                RequestFields.text(body, "operationContext"), operationCallbackUri);
    }

    /** {@code playPrompts} in order, or the single {@code playPrompt}; none is a recognize without a prompt. */
    private static List<PlaySource> prompts(JsonNode body) {
        JsonNode many = body.get("playPrompts");
        JsonNode one = body.get("playPrompt");
        boolean hasMany = many != null && many.isArray() && !many.isEmpty();
        boolean hasOne = one != null && !one.isNull();
        if (hasMany && hasOne) {
            throw ApiErrors.invalidRequest("give playPrompt or playPrompts, not both.");
        }
        if (hasOne) {
            return List.of(MediaHandlers.source(one, "playPrompt"));
        }
        List<PlaySource> prompts = new ArrayList<>();
        if (hasMany) {
            for (int i = 0; i < many.size(); i++) {
                prompts.add(MediaHandlers.source(many.get(i), "playPrompts[" + i + "]"));
            }
        }
        return prompts;
    }

    private static List<RecognizeChoice> choices(JsonNode array) {
        List<RecognizeChoice> choices = new ArrayList<>();
        if (array == null || array.isNull()) {
            return choices;
        }
        Set<String> labels = new HashSet<>();
        Set<DtmfTone> tones = EnumSet.noneOf(DtmfTone.class);
        for (int i = 0; i < array.size(); i++) {
            JsonNode choice = array.get(i);
            String where = "recognizeOptions.choices[" + i + "]";
            String label = RequestFields.text(choice, "label");
            if (label == null || label.isBlank()) {
                throw ApiErrors.invalidRequest(where + ".label is required.");
            }
            if (!labels.add(label.toLowerCase(Locale.ROOT))) {
                throw ApiErrors.invalidRequest(where + ".label '" + label + "' is given twice.");
            }
            List<String> phrases = new ArrayList<>();
            for (JsonNode phrase : choice.path("phrases")) {
                if (!phrase.asText("").isBlank()) {
                    phrases.add(phrase.asText());
                }
            }
            if (phrases.isEmpty()) {
                throw ApiErrors.invalidRequest(where + ".phrases must list at least one phrase.");
            }
            DtmfTone tone = choice.hasNonNull("tone") ? tone(choice.get("tone"), where + ".tone") : null;
            if (tone != null && !tones.add(tone)) {
                throw ApiErrors.invalidRequest(where + ".tone '" + tone.wireName() + "' selects another choice too.");
            }
            choices.add(new RecognizeChoice(label, phrases, tone));
        }
        return choices;
    }

    private static Set<DtmfTone> stopTones(JsonNode array) {
        Set<DtmfTone> tones = EnumSet.noneOf(DtmfTone.class);
        if (array != null && array.isArray()) {
            for (int i = 0; i < array.size(); i++) {
                tones.add(tone(array.get(i), "recognizeOptions.dtmfOptions.stopTones[" + i + "]"));
            }
        }
        return tones;
    }

    private static DtmfTone tone(JsonNode value, String where) {
        return DtmfTone.fromWireName(value.asText("")).orElseThrow(() -> ApiErrors.invalidRequest(
                where + " '" + value.asText() + "' is not a tone (zero..nine, a..d, pound, asterisk)."));
    }

    private static Duration endSilence(JsonNode speechOptions) {
        JsonNode value = speechOptions.get("endSilenceTimeoutInMs");
        if (value == null || value.isNull()) {
            return RecognizeRequest.DEFAULT_END_SILENCE_TIMEOUT;
        }
        if (!value.canConvertToLong() || value.asLong() < 0) {
            throw ApiErrors.invalidRequest("recognizeOptions.speechOptions.endSilenceTimeoutInMs must be a "
                    + "non-negative number of milliseconds.");
        }
        return Duration.ofMillis(value.asLong());
    }

    private static Duration seconds(JsonNode node, String field, Duration otherwise, int min, int max) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? otherwise : Duration.ofSeconds(inRange(value, field, min, max));
    }

    private static int optionalInt(JsonNode node, String field, int otherwise, int min, int max) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? otherwise : inRange(value, field, min, max);
    }

    private static int inRange(JsonNode value, String field, int min, int max) {
        if (!value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw ApiErrors.invalidRequest(field + " must be a whole number from " + min
                    + (max == Integer.MAX_VALUE ? " up" : " to " + max) + ", not " + value + ".");
        }
        return value.asInt();
    }
}
