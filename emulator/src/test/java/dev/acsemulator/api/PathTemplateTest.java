package dev.acsemulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Path templates as the SDKs hit them (sdk-wire-facts.md §7). */
class PathTemplateTest {

    private static final PathTemplate TERMINATE =
            new PathTemplate("/calling/callConnections/{callConnectionId}:terminate");
    private static final PathTemplate CALL = new PathTemplate("/calling/callConnections/{callConnectionId}");
    private static final PathTemplate ADD =
            new PathTemplate("/calling/callConnections/{callConnectionId}/participants:add");
    private static final PathTemplate PARTICIPANT =
            new PathTemplate("/calling/callConnections/{callConnectionId}/participants/{participantRawId}");
    private static final PathTemplate ANSWER = new PathTemplate("/calling/callConnections:answer");

    @Test
    void aColonActionIsSplitOffTheLastSegment() {
        assertThat(TERMINATE.match("/calling/callConnections/411f0b00-aaaa:terminate"))
                .containsExactly(entry("callConnectionId", "411f0b00-aaaa"));
    }

    @Test
    void anActionTemplateDoesNotMatchTheBarePathOrAnotherAction() {
        assertThat(TERMINATE.match("/calling/callConnections/abc")).isNull();
        assertThat(TERMINATE.match("/calling/callConnections/abc:transferToParticipant")).isNull();
    }

    @Test
    void anActionWithNothingBeforeTheColonIsNoMatch() {
        assertThat(TERMINATE.match("/calling/callConnections/:terminate")).isNull();
    }

    @Test
    void aLiteralSegmentWithAnActionMatchesOnlyItself() {
        assertThat(ADD.match("/calling/callConnections/abc/participants:add"))
                .containsExactly(entry("callConnectionId", "abc"));
        assertThat(ADD.match("/calling/callConnections/abc/participants:remove")).isNull();
        assertThat(ADD.match("/calling/callConnections/abc/participants")).isNull();
        assertThat(ANSWER.match("/calling/callConnections:answer")).isEmpty();
        assertThat(ANSWER.match("/calling/callConnections:reject")).isNull();
    }

    @Test
    void javaSendsAParticipantRawIdWithARawColonAndPlus() {
        assertThat(PARTICIPANT.match("/calling/callConnections/abc/participants/4:+14255550123"))
                .containsEntry("participantRawId", "4:+14255550123");
    }

    @Test
    void javaScriptSendsTheSameRawIdPercentEncoded() {
        assertThat(PARTICIPANT.match("/calling/callConnections/abc/participants/4%3A%2B14255550123"))
                .containsEntry("participantRawId", "4:+14255550123");
    }

    @Test
    void anAcsUserRawIdDecodesTheSameRawOrEncoded() {
        String raw = "8:acs:11111111-1111-1111-1111-111111111111_00000000-0000-0000-0000-000000000001";
        String encoded = raw.replace(":", "%3A");

        assertThat(PARTICIPANT.match("/calling/callConnections/abc/participants/" + raw))
                .containsEntry("participantRawId", raw);
        assertThat(PARTICIPANT.match("/calling/callConnections/abc/participants/" + encoded))
                .containsEntry("participantRawId", raw);
    }

    @Test
    void aPlusIsNeverTurnedIntoASpace() {
        assertThat(CALL.match("/calling/callConnections/a+b")).containsEntry("callConnectionId", "a+b");
        assertThat(CALL.match("/calling/callConnections/a%20b")).containsEntry("callConnectionId", "a b");
    }

    @Test
    void anEncodedSlashInAVariableDoesNotSplitTheSegment() {
        assertThat(PARTICIPANT.match("/calling/callConnections/abc/participants/x%2Fy"))
                .containsEntry("participantRawId", "x/y");
    }

    @Test
    void aDifferentNumberOfSegmentsIsNoMatch() {
        assertThat(CALL.match("/calling/callConnections")).isNull();
        assertThat(CALL.match("/calling/callConnections/abc/participants")).isNull();
        assertThat(PARTICIPANT.match("/calling/callConnections/abc/participants/4:+1/extra")).isNull();
        assertThat(CALL.match("/calling/callConnections/abc/")).isNull();
    }

    @Test
    void anEmptyVariableIsNoMatch() {
        assertThat(CALL.match("/calling/callConnections/")).isNull();
        assertThat(PARTICIPANT.match("/calling/callConnections//participants/4:+1")).isNull();
        assertThat(PARTICIPANT.match("/calling/callConnections/abc/participants/")).isNull();
    }

    @Test
    void aPathThatDoesNotStartWithASlashIsNoMatch() {
        assertThat(CALL.match("")).isNull();
        assertThat(CALL.match("calling/callConnections/abc")).isNull();
        assertThat(CALL.match("*")).isNull();
    }

    @Test
    void literalSegmentsAreCaseSensitiveAndNotDecoded() {
        assertThat(CALL.match("/Calling/callConnections/abc")).isNull();
        assertThat(CALL.match("/calling/call%43onnections/abc")).isNull();
    }

    @Test
    void aMalformedEscapeInAVariableIsKeptAsWritten() {
        assertThat(CALL.match("/calling/callConnections/100%")).containsEntry("callConnectionId", "100%");
        assertThat(CALL.match("/calling/callConnections/a%zzb")).containsEntry("callConnectionId", "a%zzb");
    }

    @Test
    void variablesAreDecodedAsUtf8() {
        assertThat(CALL.match("/calling/callConnections/caf%C3%A9")).containsEntry("callConnectionId", "café");
    }

    @Test
    void anActionTemplateSaysSoAndABareOneDoesNot() {
        assertThat(TERMINATE.hasAction()).isTrue();
        assertThat(ADD.hasAction()).isTrue();
        assertThat(ANSWER.hasAction()).isTrue();
        assertThat(CALL.hasAction()).isFalse();
        assertThat(PARTICIPANT.hasAction()).isFalse();
        assertThat(TERMINATE).hasToString("/calling/callConnections/{callConnectionId}:terminate");
    }

    @Test
    void whereTheTableHasActionsOnAVariableABareVariableThereRefusesARawColon() {
        Set<String> actionPlaces = Set.of(TERMINATE.actionPlace().orElseThrow());
        PathTemplate call = CALL.refusingColonsAt(actionPlaces);

        assertThat(call.match("/calling/callConnections/abc:tpyo")).isNull();
        assertThat(call.match("/calling/callConnections/abc")).containsEntry("callConnectionId", "abc");
        assertThat(call.match("/calling/callConnections/abc%3Atpyo")).containsEntry("callConnectionId", "abc:tpyo");
    }

    @Test
    void aBareVariableWhereNoActionIsKeepsItsRawColons() {
        Set<String> actionPlaces = Set.of(TERMINATE.actionPlace().orElseThrow());
        PathTemplate participant = PARTICIPANT.refusingColonsAt(actionPlaces);

        assertThat(participant.match("/calling/callConnections/abc/participants/8:acs:r_alice"))
                .containsEntry("participantRawId", "8:acs:r_alice");
        assertThat(participant.match("/calling/callConnections/abc:x/participants/8:acs:r_alice")).isNull();
    }

    @Test
    void onlyAnActionOnAVariableIsAnActionPlace() {
        assertThat(TERMINATE.actionPlace()).contains("calling/callConnections/{}");
        assertThat(ADD.actionPlace()).isEmpty();
        assertThat(CALL.actionPlace()).isEmpty();
    }
}
