package dev.acsemulator.call.media;

import dev.acsemulator.call.Identifier;

import java.util.List;

/**
 * CallMedia_Play, parsed and validated by the api layer: the sources in the order they are played, the participants
 * who hear them (empty: everyone, the SDKs' PlayToAll), and the options.
 */
public record PlayRequest(String callConnectionId, List<PlaySource> sources, List<Identifier> playTo, boolean loop,
                          boolean interruptCallMediaOperation, String operationContext, String operationCallbackUri,
                          boolean interruptHoldAudio) {
    public PlayRequest {
        sources = List.copyOf(sources);
        playTo = playTo == null ? List.of() : List.copyOf(playTo);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a play needs at least one source");
        }
    }

    /** A play that does not interrupt hold audio (the request has no {@code interruptHoldAudio}). */
    public PlayRequest(String callConnectionId, List<PlaySource> sources, List<Identifier> playTo, boolean loop,
                       boolean interruptCallMediaOperation, String operationContext, String operationCallbackUri) {
        this(callConnectionId, sources, playTo, loop, interruptCallMediaOperation, operationContext,
                operationCallbackUri, false);
    }

    /**
     * A play to specific participants runs on a sub-leg and puts them on hold while it plays
     * (call-automation-behaviour.md §2.13).
     */
    public boolean isToSpecificParticipants() {
        return !playTo.isEmpty();
    }
}
