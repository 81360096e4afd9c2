package dev.acsemulator.conformance.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The comparator finds deliberate alterations of a recording, and only those. */
class GoldenComparatorTest {

    private static final GoldenScenario REMOVE = GoldenScenario.load(
            "java-createVOIPCallAndAnswerThenAddParticipantFinallyRemoveParticipantAutomatedTest");
    private static final GoldenScenario REJECT = GoldenScenario.load("java-createVOIPCallAndRejectAutomatedTest");

    @Test
    void aRecordingComparedWithItselfHasNoDifferences() {
        for (GoldenScenario scenario : GoldenScenario.all()) {
            assertThat(GoldenComparator.differences(scenario.recorded(), scenario.recorded())).as(scenario.name())
                    .isEmpty();
        }
    }

    @Test
    void aChangedSubCodeIsFound() {
        Observed altered = alter(REMOVE.recorded(), "receiver", 7,
                event -> ((ObjectNode) event.path("data").path("resultInformation")).put("subCode", 5000));
        assertThat(GoldenComparator.differences(REMOVE.recorded(), altered)).containsExactly(
                "receiver CallDisconnected#1 data.resultInformation.subCode: recorded 5300, emulator 5000");
    }

    @Test
    void aValueTheRecordingRedactedIsComparedByTypeOnlyWhateverItsKey() {
        GoldenScenario dtmf = GoldenScenario.load("java-dtmfActionsInACallAutomatedTest");
        Observed number = alter(dtmf.recorded(), "caller", 1, event -> ((ObjectNode) event.path("data")
                .path("participants").get(1).path("identifier").path("phoneNumber")).put("value", "+18005550101"));
        Observed notText = alter(dtmf.recorded(), "caller", 1, event -> ((ObjectNode) event.path("data")
                .path("participants").get(1).path("identifier").path("phoneNumber")).put("value", 18005550101L));

        assertThat(GoldenComparator.differences(dtmf.recorded(), number)).isEmpty();
        assertThat(GoldenComparator.differences(dtmf.recorded(), notText)).containsExactly(
                "caller ParticipantsUpdated#1 data.participants[1].identifier.phoneNumber.value: recorded a string,"
                        + " emulator a number");
    }

    @Test
    void aMissingEventIsFound() {
        Observed altered = remove(REMOVE.recorded(), "caller", 8);
        assertThat(GoldenComparator.differences(REMOVE.recorded(), altered)).containsExactly(
                "caller events: recorded [CallConnected, AddParticipantSucceeded, RemoveParticipantSucceeded],"
                        + " emulator [CallConnected, AddParticipantSucceeded]");
    }

    @Test
    void anExtraKeyIsFound() {
        Observed altered = alter(REMOVE.recorded(), "caller", 4,
                event -> ((ObjectNode) event.path("data")).put("operationContext", "added"));
        assertThat(GoldenComparator.differences(REMOVE.recorded(), altered)).containsExactly(
                "caller AddParticipantSucceeded#1 data.operationContext: recorded absent, emulator \"added\"");
    }

    @Test
    void aMissingKeyAndAChangedValueTypeAreFound() {
        Observed altered = alter(REMOVE.recorded(), "anotherReceiver", 0, event -> {
            ((ObjectNode) event.path("data")).remove("publicEventType");
            ((ObjectNode) event.path("data").path("resultInformation")).put("code", "200");
        });
        assertThat(GoldenComparator.differences(REMOVE.recorded(), altered)).containsExactlyInAnyOrder(
                "anotherReceiver CallConnected#1 data.publicEventType: recorded"
                        + " \"Microsoft.Communication.CallConnected\", emulator absent",
                "anotherReceiver CallConnected#1 data.resultInformation.code: recorded 200, emulator \"200\"");
    }

    @Test
    void idsAndTimesAreComparedByTypeOnly() {
        Observed otherIds = alter(REMOVE.recorded(), "caller", 2, event -> {
            ((ObjectNode) event).put("time", "2026-01-01T00:00:00Z");
            ((ObjectNode) event.path("data")).put("sequenceNumber", 42);
        });
        assertThat(GoldenComparator.differences(REMOVE.recorded(), otherIds)).isEmpty();

        Observed sequenceAsText = alter(REMOVE.recorded(), "caller", 1,
                event -> ((ObjectNode) event.path("data")).put("sequenceNumber", "1"));
        assertThat(GoldenComparator.differences(REMOVE.recorded(), sequenceAsText)).containsExactly(
                "caller ParticipantsUpdated#1 data.sequenceNumber: recorded a number, emulator a string");
    }

    @Test
    void theRosterVersionALegStartsAtIsCompared() {
        Observed startsAtOne = alter(REMOVE.recorded(), "anotherReceiver", 1,
                event -> ((ObjectNode) event.path("data")).put("sequenceNumber", 1));

        assertThat(GoldenComparator.differences(REMOVE.recorded(), startsAtOne)).containsExactly(
                "anotherReceiver first ParticipantsUpdated sequenceNumber: recorded 6, emulator 1");
    }

    @Test
    void aChangedIdentifierKindOrMuteFlagChangesTheRoster() {
        Observed altered = alter(REMOVE.recorded(), "anotherReceiver", 3, event -> {
            ObjectNode first = (ObjectNode) event.path("data").path("participants").get(0);
            first.put("isMuted", true);
            ((ObjectNode) first.path("identifier")).put("kind", "phoneNumber");
        });
        assertThat(GoldenComparator.differences(REMOVE.recorded(), altered)).containsExactlyInAnyOrder(
                "anotherReceiver rosters: recorded [3 [communicationUser, communicationUser, communicationUser],"
                        + " 2 [communicationUser, communicationUser]], emulator [3 [communicationUser,"
                        + " communicationUser, communicationUser], 2 [communicationUser, phoneNumber/muted]]",
                "anotherReceiver ParticipantsUpdated#2 data.participants[0].identifier.kind: recorded"
                        + " \"communicationUser\", emulator \"phoneNumber\"",
                "anotherReceiver ParticipantsUpdated#2 data.participants[0].isMuted: recorded false, emulator true");
    }

    @Test
    void aRosterListingTheSameParticipantsInAnotherOrderIsNoDifferenceButAnotherHoldIs() {
        GoldenScenario playToOne = GoldenScenario.load("java-playMultipleFileSourcesWithPlayMediaTest");
        Observed swapped = alter(playToOne.recorded(), "caller", 2, event -> {
            ArrayNode participants = (ArrayNode) event.path("data").path("participants");
            participants.add(participants.remove(0));
        });
        assertThat(GoldenComparator.differences(playToOne.recorded(), swapped)).isEmpty();

        Observed bothOnHold = alter(playToOne.recorded(), "caller", 2, event -> ((ObjectNode) event.path("data")
                .path("participants").get(1)).put("isOnHold", true));
        assertThat(GoldenComparator.differences(playToOne.recorded(), bothOnHold)).containsExactlyInAnyOrder(
                "caller rosters: recorded [2 [communicationUser, communicationUser], 2 [communicationUser,"
                        + " communicationUser/onHold], 2 [communicationUser, communicationUser]], emulator [2"
                        + " [communicationUser, communicationUser], 2 [communicationUser/onHold,"
                        + " communicationUser/onHold], 2 [communicationUser, communicationUser]]",
                "caller ParticipantsUpdated#2 data.participants[1].isOnHold: recorded false, emulator true");
    }

    @Test
    void aRepeatedUnchangedRosterCountsOnlyAsADelivery() {
        Observed altered = remove(REMOVE.recorded(), "caller", 2);
        assertThat(GoldenComparator.differences(REMOVE.recorded(), altered)).containsExactly(
                "caller ParticipantsUpdated deliveries: recorded 7, emulator 6");
    }

    @Test
    void eventsEmittedTogetherMayArriveInEitherOrderButOthersMayNot() {
        List<JsonNode> swapped = new ArrayList<>(REJECT.recorded().connections().get("caller"));
        swapped.add(swapped.remove(0));
        Observed reordered = new Observed(Map.of("caller", swapped), REJECT.recorded().incomingCalls());
        assertThat(GoldenComparator.differences(REJECT.recorded(), reordered)).isEmpty();

        List<JsonNode> late = new ArrayList<>(REMOVE.recorded().connections().get("caller"));
        late.add(late.remove(0));
        Observed connectedLast = replace(REMOVE.recorded(), "caller", late);
        assertThat(GoldenComparator.differences(REMOVE.recorded(), connectedLast)).containsExactly(
                "caller events: recorded [CallConnected, AddParticipantSucceeded, RemoveParticipantSucceeded],"
                        + " emulator [AddParticipantSucceeded, RemoveParticipantSucceeded, CallConnected]");
    }

    @Test
    void aConnectionOrIncomingCallTheRecordingLacksIsFound() {
        Map<String, JsonNode> incoming = new LinkedHashMap<>(REJECT.recorded().incomingCalls());
        incoming.remove("receiver");
        Observed withoutIncoming = new Observed(REJECT.recorded().connections(), incoming);
        assertThat(GoldenComparator.differences(REJECT.recorded(), withoutIncoming)).containsExactly(
                "IncomingCall to receiver: recorded one, emulator none");

        Observed extraConnection = replace(REJECT.recorded(), "receiver",
                List.of(REJECT.recorded().connections().get("caller").get(1)));
        assertThat(GoldenComparator.differences(REJECT.recorded(), extraConnection)).contains(
                "receiver events: recorded [], emulator [CallDisconnected]");
    }

    @Test
    void theLedgerVerdictNamesNewDifferencesAndEntriesToRemove() {
        KnownDifferences ledger = new KnownDifferences("s", Map.of("known", "why", "fixed", "why not"));
        assertThat(ledger.verdict(List.of("known", "fixed"))).isEmpty();
        String verdict = ledger.verdict(List.of("known", "new"));
        assertThat(verdict).contains("+ new").contains("- fixed").contains("remove them from the ledger");
    }

    private interface Change {
        void apply(JsonNode event);
    }

    private static Observed alter(Observed observed, String connection, int index, Change change) {
        List<JsonNode> events = new ArrayList<>(observed.connections().get(connection));
        JsonNode copy = events.get(index).deepCopy();
        change.apply(copy);
        events.set(index, copy);
        return replace(observed, connection, events);
    }

    private static Observed remove(Observed observed, String connection, int index) {
        List<JsonNode> events = new ArrayList<>(observed.connections().get(connection));
        events.remove(index);
        return replace(observed, connection, events);
    }

    private static Observed replace(Observed observed, String connection, List<JsonNode> events) {
        Map<String, List<JsonNode>> connections = new LinkedHashMap<>(observed.connections());
        connections.put(connection, events);
        return new Observed(connections, observed.incomingCalls());
    }
}
