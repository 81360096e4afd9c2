package dev.acsemulator.call;

/**
 * When the real service sends a ParticipantsUpdated whose visible roster did not change, and to whom: the rule in one
 * place, as the recorded live tests of the Azure SDKs show it (docs/call-automation-behaviour.md §6, the golden
 * scenarios of the conformance suite). The roster version ({@code sequenceNumber}) is one counter per call: every
 * connection sees the same number for the same version, and a leg that joins later starts where the call is.
 *
 * <table>
 *   <caption>Unchanged rosters, recorded at api-version 2025-06-15 (azure-sdk-for-java, June 2025)</caption>
 *   <tr><th>moment</th><th>recorded</th><th>here</th></tr>
 *   <tr><td>an added participant's invitation starts ringing in an established call</td>
 *       <td>every leg: the version skips one (the invitee added, unseen) and the next is sent with the unchanged list
 *       (1 → 3; {@code ...AddParticipantFinallyCancelAddParticipant}, {@code ...FinallyRemoveParticipant...})</td>
 *       <td>{@link #inviteeRinging}</td></tr>
 *   <tr><td>the invitee answers through an application, which opens a new leg</td>
 *       <td>the legs already there get the new list (4), then the same list again (5); the new leg gets nothing
 *       before the next two versions, which every leg gets (6, 7)</td>
 *       <td>{@link #applicationLegJoined}</td></tr>
 *   <tr><td>an application connects to a call by its server call id (it listens in, in no roster)</td>
 *       <td>only the connecting leg hears: the call's next version (2), then it again (3)</td>
 *       <td>{@link #connectedToListen}</td></tr>
 *   <tr><td>a recording starts, and stops (its bot joins and leaves, never listed)</td>
 *       <td>every leg: the version skips one, then two unchanged lists when it starts and two more when it stops
 *       (1 → 3, 4, 5, 6; {@code createACSCallUnmixedAudioAffinityTest})</td>
 *       <td>{@link #recordingBotJoining}, {@link #recordingBotLeaving}</td></tr>
 * </table>
 *
 * <p>The service spaces these about 120 ms apart; here each repeat is sent on its own turn of the call's lane, in the
 * recorded order, so that a burst of real changes on one turn is still announced once ({@link Call#publishRoster}).
 * A call created by CreateCall or answered from an IncomingCall starts at version 1 with no repeat, as recorded.
 */
public final class RosterPolicy {

    private RosterPolicy() {
    }

    /** AddParticipant's invitation rings in an established call: an unseen version, then the list again to all. */
    static void inviteeRinging(Call call) {
        if (call.isEnded() || call.firstEstablishedConnection().isEmpty()) {
            return;
        }
        call.moveVersionUnseen();
        call.publishRoster();
    }

    /**
     * An added participant answered through an application whose leg {@code newLeg} just connected: the legs already
     * there hear the new list and then a repeat; then every leg, the new one included, hears it twice more.
     */
    static void applicationLegJoined(Call call, CallConnection newLeg) {
        call.holdBackRosters(newLeg);
        call.publishRoster();
        thenOnNextTurn(call, () -> {
            call.publishRoster();
            thenOnNextTurn(call, () -> {
                call.releaseRosters(newLeg);
                call.publishRoster();
                thenOnNextTurn(call, call::publishRoster);
            });
        });
    }

    /** An application connected to listen in: only it hears the call's next version, and then that list again. */
    static void connectedToListen(Call call, CallConnection connector) {
        call.publishRosterTo(connector);
        thenOnNextTurn(call, () -> {
            if (connector.state() == CallConnectionState.CONNECTED) {
                call.publishRosterTo(connector);
            }
        });
    }

    /** A recording's bot is joining the call: an unseen version, then the unchanged list twice to every leg. */
    public static void recordingBotJoining(Call call) {
        if (call.isEnded()) {
            return;
        }
        call.moveVersionUnseen();
        repeatUnchanged(call);
    }

    /** A recording's bot leaves a call that goes on: the unchanged list twice to every leg. */
    public static void recordingBotLeaving(Call call) {
        if (!call.isEnded()) {
            repeatUnchanged(call);
        }
    }

    private static void repeatUnchanged(Call call) {
        call.publishRoster();
        thenOnNextTurn(call, call::publishRoster);
    }

    /**
     * Runs {@code step} after what the lane already holds (the close of the current roster burst among it), unless
     * the call ended meanwhile.
     */
    private static void thenOnNextTurn(Call call, Runnable step) {
        call.lane().execute(() -> {
            if (!call.isEnded()) {
                step.run();
            }
        });
    }
}
