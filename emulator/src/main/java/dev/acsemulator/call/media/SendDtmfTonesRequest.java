package dev.acsemulator.call.media;

import dev.acsemulator.call.Identifier;

import java.util.List;
import java.util.Objects;

/** CallMedia_SendDtmfTones, parsed and validated by the api layer: 1 to {@link #MAX_TONES} tones to one phone. */
public record SendDtmfTonesRequest(String callConnectionId, List<DtmfTone> tones, Identifier target,
                                   String operationContext, String operationCallbackUri) {

    /** At most 18 tones per request (call-automation-behaviour.md §2.16, D-MEDIA). */
    public static final int MAX_TONES = 18;

    public SendDtmfTonesRequest {
        tones = List.copyOf(tones);
        Objects.requireNonNull(target, "target");
        if (tones.isEmpty() || tones.size() > MAX_TONES) {
            throw new IllegalArgumentException("a send needs 1 to " + MAX_TONES + " tones, not " + tones.size());
        }
    }
}
