package dev.acsemulator.conformance.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares what the emulator sent ({@link Observed}) with what the real service sent in a recording, per connection,
 * and lists every difference as one line, {@code <where>: recorded <x>, emulator <y>}.
 *
 * <p>Compared: the sequence of events, and each event's envelope and data: key sets (missing and extra keys), value
 * types, and the values of everything that is not an id or a time (result codes, subcodes and messages, identifier
 * kinds, mute and hold flags, versions, event type names, which connection an event names). Ids, times and values the
 * recording redacted ({@link #OPAQUE}) are compared by JSON type only.
 *
 * <p>Deliberate normalisations, each because the real service varies:
 * <ul>
 *   <li><b>ParticipantsUpdated is compared apart from the other events.</b> The service sends rosters from another
 *       component than operation results: in the recordings a roster arrives before CallConnected
 *       ({@code ...CancelAddParticipant}) or after the AddParticipantSucceeded it precedes in time
 *       ({@code ...RemoveParticipantAutomatedTest}). So the other events are compared as one ordered sequence and the
 *       rosters as another, never their interleaving.</li>
 *   <li><b>A roster equal to the connection's previous one is dropped</b> before comparing (the service repeats
 *       unchanged rosters with new sequence numbers). How many were delivered is still compared, as its own
 *       line, so that repetition stays visible.</li>
 *   <li><b>Of the roster versions ({@code sequenceNumber}) only each connection's first is compared</b>: the
 *       version is one counter per call, so a leg that joins later starts where the call is (2 for a Connect, 6 for
 *       the leg of an added participant); the gaps later on count changes nobody sees and vary between runs of the
 *       same steps (1, 3, 5 and 1, 4, 5 for a hold and an unhold).</li>
 *   <li><b>A roster's participants are matched by what they are, not where they are listed</b>, when both rosters
 *       hold the same participants: the recordings redact who is who, so the service's order (the participant on
 *       hold first in one recording, second in another) says nothing ({@link #inRecordedOrder}).</li>
 *   <li><b>Events emitted together are put in a fixed order</b> when adjacent: CreateCallFailed and CallDisconnected
 *       ({@link #EMITTED_TOGETHER}) arrive in either order.</li>
 * </ul>
 */
public final class GoldenComparator {

    /** Keys whose values differ from run to run (ids, times) or were redacted in the recordings: type only. */
    static final Set<String> OPAQUE = Set.of("id", "time", "serverCallId", "correlationId", "rawId", "invitationId",
            "incomingCallContext", "sequenceNumber");

    /**
     * A value the recording redacted under any other key (a phone number's {@code value}): compared by type only,
     * as the scenario README says.
     */
    static final String REDACTED = "<redacted>";

    /** Event types (without the namespace) the service emits together, whose arrival order varies. */
    static final Set<Set<String>> EMITTED_TOGETHER = Set.of(Set.of("CreateCallFailed", "CallDisconnected"));

    private static final String ROSTER = "ParticipantsUpdated";

    private GoldenComparator() {
    }

    public static List<String> differences(Observed recorded, Observed emulator) {
        List<String> differences = new ArrayList<>();
        Set<String> connections = new LinkedHashSet<>(recorded.connections().keySet());
        connections.addAll(emulator.connections().keySet());
        for (String connection : connections) {
            compareConnection(connection, recorded.connections().getOrDefault(connection, List.of()),
                    emulator.connections().getOrDefault(connection, List.of()), differences);
        }
        Set<String> people = new LinkedHashSet<>(recorded.incomingCalls().keySet());
        people.addAll(emulator.incomingCalls().keySet());
        for (String person : people) {
            JsonNode recordedCall = recorded.incomingCalls().get(person);
            JsonNode emulatorCall = emulator.incomingCalls().get(person);
            String where = "IncomingCall to " + person;
            if (recordedCall == null || emulatorCall == null) {
                differences.add(where + ": recorded " + (recordedCall == null ? "none" : "one")
                        + ", emulator " + (emulatorCall == null ? "none" : "one"));
            } else {
                compareNode(where + " data", recordedCall, emulatorCall, differences);
            }
        }
        return differences;
    }

    private static void compareConnection(String connection, List<JsonNode> recorded, List<JsonNode> emulator,
                                          List<String> differences) {
        List<JsonNode> recordedEvents = inFixedOrder(withoutRosters(recorded));
        List<JsonNode> emulatorEvents = inFixedOrder(withoutRosters(emulator));
        List<String> recordedTypes = types(recordedEvents);
        List<String> emulatorTypes = types(emulatorEvents);
        if (!recordedTypes.equals(emulatorTypes)) {
            differences.add(connection + " events: recorded " + recordedTypes + ", emulator " + emulatorTypes);
        }
        compareByOccurrence(connection, recordedEvents, emulatorEvents, differences);

        List<JsonNode> recordedRosters = changedRosters(recorded);
        List<JsonNode> emulatorRosters = changedRosters(emulator);
        List<String> recordedShapes = recordedRosters.stream().map(GoldenComparator::rosterShape).toList();
        List<String> emulatorShapes = emulatorRosters.stream().map(GoldenComparator::rosterShape).toList();
        if (!recordedShapes.equals(emulatorShapes)) {
            differences.add(connection + " rosters: recorded " + recordedShapes + ", emulator " + emulatorShapes);
        }
        for (int i = 0; i < Math.min(recordedRosters.size(), emulatorRosters.size()); i++) {
            compareNode(connection + " " + ROSTER + "#" + (i + 1), recordedRosters.get(i),
                    inRecordedOrder(recordedRosters.get(i), emulatorRosters.get(i)), differences);
        }
        JsonNode recordedFirst = firstRosterVersion(recorded);
        JsonNode emulatorFirst = firstRosterVersion(emulator);
        if (recordedFirst.isNumber() && emulatorFirst.isNumber() && !recordedFirst.equals(emulatorFirst)) {
            differences.add(connection + " first " + ROSTER + " sequenceNumber: recorded " + recordedFirst
                    + ", emulator " + emulatorFirst);
        }
        long recordedDeliveries = recorded.stream().filter(GoldenComparator::isRoster).count();
        long emulatorDeliveries = emulator.stream().filter(GoldenComparator::isRoster).count();
        if (recordedDeliveries != emulatorDeliveries) {
            differences.add(connection + " " + ROSTER + " deliveries: recorded " + recordedDeliveries + ", emulator "
                    + emulatorDeliveries);
        }
    }

    /** The k-th event of each type on one side against the k-th of that type on the other. */
    private static void compareByOccurrence(String connection, List<JsonNode> recorded, List<JsonNode> emulator,
                                            List<String> differences) {
        Map<String, Integer> seen = new HashMap<>();
        for (JsonNode event : recorded) {
            String type = type(event);
            int occurrence = seen.merge(type, 1, Integer::sum);
            List<JsonNode> sameType = emulator.stream().filter(e -> type(e).equals(type)).toList();
            if (occurrence <= sameType.size()) {
                compareNode(connection + " " + type + "#" + occurrence, event, sameType.get(occurrence - 1),
                        differences);
            }
        }
    }

    private static List<JsonNode> withoutRosters(List<JsonNode> events) {
        return events.stream().filter(e -> !isRoster(e)).toList();
    }

    private static List<JsonNode> inFixedOrder(List<JsonNode> events) {
        List<JsonNode> ordered = new ArrayList<>(events);
        for (int i = 0; i + 1 < ordered.size(); i++) {
            String first = type(ordered.get(i));
            String second = type(ordered.get(i + 1));
            if (first.compareTo(second) > 0 && EMITTED_TOGETHER.contains(Set.of(first, second))) {
                ordered.set(i, ordered.set(i + 1, ordered.get(i)));
                i++;
            }
        }
        return ordered;
    }

    /** The roster version of the first ParticipantsUpdated a connection got (missing when it got none). */
    private static JsonNode firstRosterVersion(List<JsonNode> events) {
        return events.stream().filter(GoldenComparator::isRoster).findFirst()
                .map(event -> event.path("data").path("sequenceNumber"))
                .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }

    private static List<JsonNode> changedRosters(List<JsonNode> events) {
        List<JsonNode> changed = new ArrayList<>();
        String previous = null;
        for (JsonNode event : events) {
            if (isRoster(event)) {
                String shape = rosterShape(event);
                if (!shape.equals(previous)) {
                    changed.add(event);
                }
                previous = shape;
            }
        }
        return changed;
    }

    /**
     * The emulator's roster with its participants in the order of the recorded one, when both hold the same
     * participants ({@link #rosterShape}): the recordings redact who is who, so the order in which the service listed
     * them cannot be matched, only what each participant is. Otherwise unchanged, and the roster shapes differ.
     */
    static JsonNode inRecordedOrder(JsonNode recorded, JsonNode emulator) {
        if (!rosterShape(recorded).equals(rosterShape(emulator))) {
            return emulator;
        }
        List<JsonNode> left = new ArrayList<>();
        emulator.path("data").path("participants").forEach(left::add);
        ArrayNode ordered = ((ObjectNode) emulator).arrayNode();
        for (JsonNode wanted : recorded.path("data").path("participants")) {
            for (Iterator<JsonNode> candidates = left.iterator(); candidates.hasNext(); ) {
                JsonNode candidate = candidates.next();
                if (participantShape(candidate).equals(participantShape(wanted))) {
                    ordered.add(candidate);
                    candidates.remove();
                    break;
                }
            }
        }
        ObjectNode copy = emulator.deepCopy();
        ((ObjectNode) copy.path("data")).set("participants", ordered);
        return copy;
    }

    /** A roster as what can be compared across runs: each participant's identifier kind and flags, sorted. */
    static String rosterShape(JsonNode event) {
        List<String> all = new ArrayList<>();
        for (JsonNode participant : event.path("data").path("participants")) {
            all.add(participantShape(participant));
        }
        all.sort(null);
        return all.size() + " " + all;
    }

    private static String participantShape(JsonNode participant) {
        return participant.path("identifier").path("kind").asText("?")
                + (participant.path("isMuted").asBoolean(false) ? "/muted" : "")
                + (participant.path("isOnHold").asBoolean(false) ? "/onHold" : "");
    }

    private static boolean isRoster(JsonNode event) {
        return ROSTER.equals(type(event));
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(GoldenComparator::type).toList();
    }

    static String type(JsonNode event) {
        return event.path("type").asText().replace("Microsoft.Communication.", "");
    }

    /** Key sets, value types, and values outside {@link #OPAQUE}, recursively. */
    static void compareNode(String where, JsonNode recorded, JsonNode emulator, List<String> differences) {
        compareNode(where, "", recorded, emulator, differences);
    }

    private static void compareNode(String where, String path, JsonNode recorded, JsonNode emulator,
                                    List<String> differences) {
        String at = where + " " + (path.isEmpty() ? "(body)" : path);
        if (recorded.getNodeType() != emulator.getNodeType()) {
            differences.add(at + ": recorded " + describe(recorded) + ", emulator " + describe(emulator));
            return;
        }
        if (recorded.isObject()) {
            for (Iterator<String> names = recorded.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String child = path.isEmpty() ? name : path + "." + name;
                if (!emulator.has(name)) {
                    differences.add(where + " " + child + ": recorded " + describe(recorded.get(name))
                            + ", emulator absent");
                } else if (!OPAQUE.contains(name) && !REDACTED.equals(recorded.get(name).asText(null))) {
                    compareNode(where, child, recorded.get(name), emulator.get(name), differences);
                } else if (recorded.get(name).getNodeType() != emulator.get(name).getNodeType()) {
                    differences.add(where + " " + child + ": recorded a " + typeName(recorded.get(name))
                            + ", emulator a " + typeName(emulator.get(name)));
                }
            }
            for (Iterator<String> names = emulator.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!recorded.has(name)) {
                    differences.add(where + " " + (path.isEmpty() ? name : path + "." + name)
                            + ": recorded absent, emulator " + describe(emulator.get(name)));
                }
            }
        } else if (recorded.isArray()) {
            if (recorded.size() != emulator.size()) {
                differences.add(at + " length: recorded " + recorded.size() + ", emulator " + emulator.size());
            }
            for (int i = 0; i < Math.min(recorded.size(), emulator.size()); i++) {
                compareNode(where, path + "[" + i + "]", recorded.get(i), emulator.get(i), differences);
            }
        } else if (!recorded.equals(emulator)) {
            differences.add(at + ": recorded " + recorded + ", emulator " + emulator);
        }
    }

    private static String typeName(JsonNode node) {
        return node.getNodeType().toString().toLowerCase();
    }

    private static String describe(JsonNode node) {
        return node.isContainerNode() ? "an " + node.getNodeType().toString().toLowerCase() : node.toString();
    }
}
