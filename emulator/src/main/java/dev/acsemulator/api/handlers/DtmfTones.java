package dev.acsemulator.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.call.media.DtmfTone;
import dev.acsemulator.call.media.SendDtmfTonesRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code tones} of a SendDtmfTones request: 1 to 18 names of the spec's {@code Tone} enum. Anything else is the
 * service's 400 (call-automation-behaviour.md §2.16, §7: at most 18 tones).
 */
final class DtmfTones {

    private DtmfTones() {
    }

    static List<DtmfTone> read(JsonNode array) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw ApiErrors.invalidRequest("'tones' must list at least one tone.");
        }
        if (array.size() > SendDtmfTonesRequest.MAX_TONES) {
            throw ApiErrors.invalidRequest("at most " + SendDtmfTonesRequest.MAX_TONES
                    + " tones can be sent in one request, not " + array.size() + ".");
        }
        List<DtmfTone> tones = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode tone = array.get(i);
            int index = i;
            tones.add(DtmfTone.fromWireName(tone.isTextual() ? tone.asText() : "").orElseThrow(() ->
                    ApiErrors.invalidRequest("'tones[" + index + "]' is not a tone: " + tone
                            + " (zero..nine, a..d, pound, asterisk).")));
        }
        return tones;
    }
}
