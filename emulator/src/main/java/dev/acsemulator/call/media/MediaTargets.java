package dev.acsemulator.call.media;

import dev.acsemulator.call.Call;
import dev.acsemulator.call.CallActionException;
import dev.acsemulator.call.CallError;
import dev.acsemulator.call.Identifier;

/** The check every media operation makes of the participant it targets. */
final class MediaTargets {

    private MediaTargets() {
    }

    /** 404/8522 unless {@code target} is in the call. */
    static void requireInCall(Call call, Identifier target) {
        if (!call.hasParticipant(target)) {
            throw new CallActionException(CallError.PARTICIPANT_NOT_FOUND,
                    "Participant " + target.rawId() + " is not in the call.");
        }
    }
}
