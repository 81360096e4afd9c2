package dev.acsemulator.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.api.SpecVersionShaper;
import dev.acsemulator.api.schema.ApiVersionInfo;
import dev.acsemulator.api.schema.SchemaRegistry;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.ResultInformation;
import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.EventHeader;
import dev.acsemulator.call.event.EventTarget;
import dev.acsemulator.call.event.ParticipantView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A roster's array made once and reused ({@link RosterJson}) puts on the wire exactly the bytes of the roster built
 * and shaped as a tree for every event, in every api-version that has ParticipantsUpdated, for every kind of
 * participant, whether the text was made afresh, reused for another connection, or joined from kept elements.
 */
class RosterJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant TIME = Instant.parse("2026-12-07T16:40:00.123456700Z");

    private static SchemaRegistry registry;
    private static CloudEventWriter reusing;
    private static CloudEventWriter rebuilding;

    @BeforeAll
    static void load() {
        registry = SchemaRegistry.loadFromClasspath();
        SpecVersionShaper shaper = new SpecVersionShaper(registry);
        reusing = new CloudEventWriter(JSON, shaper, new RosterJson(JSON, shaper), 0); // splices even small rosters
        rebuilding = CloudEventWriter.rebuildingEveryRoster(JSON, shaper);
    }

    /** Every kind of identifier the emulator writes, each muted and held in a different way. */
    private static List<ParticipantView> everyKind() {
        List<ParticipantView> roster = new ArrayList<>();
        roster.add(new ParticipantView(SampleCallEvents.USER, false, false));
        roster.add(new ParticipantView(Identifier.phoneNumber("+14255550123"), true, false));
        roster.add(new ParticipantView(Identifier.fromRawId("8:orgid:4b6b8c2e-0000-4000-8000-00000000a001"), false,
                true));
        roster.add(new ParticipantView(Identifier.fromRawId("8:teamsvisitor:0c7d1f2a3b4c"), true, true));
        roster.add(new ParticipantView(Identifier.fromRawId("8:gcch:4b6b8c2e-0000-4000-8000-00000000a002"), false,
                false));
        roster.add(new ParticipantView(Identifier.fromRawId("28:orgid:01e8f0a1-0000-4000-8000-00000000b001"), false,
                false));
        roster.add(new ParticipantView(Identifier.fromRawId("8:unknown:Zoë-Ørsted-\u4f1a\u8bae"), false, false));
        return List.copyOf(roster);
    }

    private static CallEvent.ParticipantsUpdated roster(String apiVersion, String callConnectionId, int sequence,
                                                        List<ParticipantView> views) {
        EventTarget target = new EventTarget(callConnectionId, SampleCallEvents.SERVER_CALL_ID,
                "068b6e61-21c3-45ff-a2fd-2aa161224762", "https://app.contoso.example/api/callbacks", apiVersion);
        return new CallEvent.ParticipantsUpdated(new EventHeader("d5546be8-227a-4db8-b2c3-4f06fd675fd6", target,
                null, ResultInformation.OK), sequence, views);
    }

    private static void assertSameBytes(CallEvent.ParticipantsUpdated event, String what) {
        byte[] expected = rebuilding.write(event, "e-" + event.sequenceNumber(), TIME);
        byte[] actual = reusing.write(event, "e-" + event.sequenceNumber(), TIME);
        assertThat(new String(actual, StandardCharsets.UTF_8)).as("%s in %s", what,
                event.header().target().apiVersion()).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(actual).as("%s in %s, byte for byte", what, event.header().target().apiVersion())
                .isEqualTo(expected);
    }

    @Test
    void aReusedRosterIsByteForByteTheRebuiltOneInEveryApiVersionThatHasParticipantsUpdated() {
        int versions = 0;
        for (ApiVersionInfo version : registry.versions()) {
            if (!version.hasEvent("ParticipantsUpdated")) {
                continue;
            }
            versions++;
            List<ParticipantView> first = everyKind();
            assertSameBytes(roster(version.version(), "conn-a", 1, first), "a roster written the first time");
            assertSameBytes(roster(version.version(), "conn-b", 1, first), "the same roster for another connection");

            List<ParticipantView> second = new ArrayList<>(first);
            second.add(new ParticipantView(Identifier.phoneNumber("+14255550199"), false, false));
            second.set(1, new ParticipantView(second.get(1).identifier(), false, true));
            assertSameBytes(roster(version.version(), "conn-a", 2, List.copyOf(second)),
                    "the next roster: one more person, one unmuted and held");
            assertSameBytes(roster(version.version(), "conn-a", 3, List.of()), "an empty roster");
        }
        assertThat(versions).as("api-versions with ParticipantsUpdated").isGreaterThan(5);
    }

    @Test
    void aRosterSmallerThanTheSplicedSizeIsWrittenWithItsEventAndKeepsNoElement() {
        SpecVersionShaper shaper = new SpecVersionShaper(registry);
        RosterJson rosters = new RosterJson(JSON, shaper);
        CloudEventWriter writer = new CloudEventWriter(JSON, shaper, rosters, CloudEventWriter.SPLICED_FROM);
        List<ParticipantView> twoPeople = List.of(new ParticipantView(SampleCallEvents.USER, false, false),
                new ParticipantView(Identifier.phoneNumber("+14255550123"), false, false));
        CallEvent.ParticipantsUpdated small = roster("2026-03-12", "conn-a", 1, twoPeople);

        assertThat(writer.write(small, "e", TIME)).isEqualTo(rebuilding.write(small, "e", TIME));
        assertThat(rosters.elementsKept("2026-03-12")).as("elements kept for a 1:1 call's roster").isZero();

        List<ParticipantView> big = new ArrayList<>();
        for (int i = 0; i < CloudEventWriter.SPLICED_FROM; i++) {
            big.add(new ParticipantView(Identifier.phoneNumber("+1425555" + String.format("%04d", i)), false, false));
        }
        CallEvent.ParticipantsUpdated large = roster("2026-03-12", "conn-a", 2, List.copyOf(big));
        assertThat(writer.write(large, "e", TIME)).isEqualTo(rebuilding.write(large, "e", TIME));
        assertThat(rosters.elementsKept("2026-03-12")).as("elements kept for a roster of the spliced size")
                .isEqualTo(CloudEventWriter.SPLICED_FROM);
    }

    @Test
    void theOlderVersionsShapeTheRosterDifferentlySoEachVersionHasItsOwnText() {
        List<ParticipantView> roster = everyKind();
        String oldest = new String(reusing.write(roster("2023-03-06", "conn-a", 1, roster), "e", TIME),
                StandardCharsets.UTF_8);
        String newest = new String(reusing.write(roster("2026-03-12", "conn-a", 1, roster), "e", TIME),
                StandardCharsets.UTF_8);
        assertThat(newest).contains("\"isOnHold\"");
        assertThat(oldest).as("2023-03-06's CallParticipant has no isOnHold").doesNotContain("\"isOnHold\"");
    }

    @Test
    void oneRosterListIsWrittenOncePerApiVersionAndANewListWithTheSamePeopleIsJoinedAnew() {
        RosterJson rosters = new RosterJson(JSON, new SpecVersionShaper(registry));
        List<ParticipantView> roster = everyKind();
        var first = rosters.participants("2026-03-12", roster);
        assertThat(rosters.participants("2026-03-12", roster)).as("the same list again").isSameAs(first);
        assertThat(rosters.participants("2023-03-06", roster)).as("the same list, an older version")
                .isNotSameAs(first);
        var copy = rosters.participants("2026-03-12", List.copyOf(new ArrayList<>(roster)));
        assertThat(copy).as("an equal roster in a new list").isNotSameAs(first);
        assertThat(copy.getValue()).isEqualTo(first.getValue());
    }

    @Test
    void aChangedMuteIsNeverAnsweredWithAKeptElement() {
        ParticipantView unmuted = new ParticipantView(SampleCallEvents.USER, false, false);
        ParticipantView muted = new ParticipantView(SampleCallEvents.USER, true, false);
        assertSameBytes(roster("2026-03-12", "conn-a", 1, List.of(unmuted)), "unmuted");
        assertSameBytes(roster("2026-03-12", "conn-a", 2, List.of(muted)), "then muted");
        assertThat(new String(reusing.write(roster("2026-03-12", "conn-a", 2, List.of(muted)), "e", TIME),
                StandardCharsets.UTF_8)).contains("\"isMuted\":true");
    }

    private static ParticipantView person(int i, boolean muted) {
        return new ParticipantView(Identifier.communicationUser(String.format(
                "8:acs:0a5e0000-ca11-4a7e-8000-000000000001_%08d-0000-4000-8000-%012d", i, i)), muted, false);
    }

    private static CallEvent.ParticipantsUpdated rosterOfCall(String serverCallId, int sequence,
                                                              List<ParticipantView> views) {
        EventTarget target = new EventTarget("conn-" + serverCallId, serverCallId,
                "068b6e61-21c3-45ff-a2fd-2aa161224762", "https://app.contoso.example/api/callbacks", "2025-06-30");
        List<ParticipantView> listed = new ArrayList<>(views.size());
        for (ParticipantView view : views) {
            listed.add(new ParticipantView(view.identifier(), view.muted(), view.onHold()));
        }
        return new CallEvent.ParticipantsUpdated(new EventHeader("d5546be8-227a-4db8-b2c3-4f06fd675fd6", target,
                null, ResultInformation.OK), sequence, List.copyOf(listed));
    }

    /**
     * A big call's rosters as {@code Call} makes them: each version lists the unchanged people by new views of the
     * same identifier objects, so the writer copies the front the versions share. Every version, with another big
     * call's rosters in between, is byte for byte the rebuilt one: people answering one by one, one muted in the
     * middle (the same identifier, another flag),
     * one leaving from the middle, the last ones leaving, and a roster shrunk to below what is kept.
     */
    @Test
    void aGrowingRosterWhoseFrontIsCopiedFromThePreviousVersionIsByteForByteTheRebuiltOne() {
        List<ParticipantView> big = new ArrayList<>();
        List<ParticipantView> other = new ArrayList<>();
        int sequence = 0;
        for (int i = 0; i < 60; i++) {
            big.add(person(i, false));
            other.add(person(1000 + i, i % 2 == 0));
            assertSameBytes(rosterOfCall("big-call", ++sequence, big), "the big call with " + big.size());
            assertSameBytes(rosterOfCall("other-call", sequence, other), "another call with " + other.size());
        }
        big.set(30, new ParticipantView(big.get(30).identifier(), true, false));
        assertSameBytes(rosterOfCall("big-call", ++sequence, big), "one muted in the middle");
        big.remove(10);
        assertSameBytes(rosterOfCall("big-call", ++sequence, big), "one left from the middle");
        big.subList(40, big.size()).clear();
        assertSameBytes(rosterOfCall("big-call", ++sequence, big), "the last ones left");
        big.add(person(500, false));
        assertSameBytes(rosterOfCall("big-call", ++sequence, big), "one more after they left");
        big.subList(5, big.size()).clear();
        assertSameBytes(rosterOfCall("big-call", ++sequence, big), "shrunk below what is kept");
        big.clear();
        assertSameBytes(rosterOfCall("big-call", ++sequence, big), "empty");
    }

    @Test
    void moreParticipantsThanAreKeptStillGiveTheRebuiltBytes() {
        List<ParticipantView> crowd = new ArrayList<>();
        for (int i = 0; i < RosterJson.PARTICIPANTS_KEPT_PER_VERSION + 100; i++) {
            crowd.add(new ParticipantView(Identifier.communicationUser(String.format(
                    "8:acs:0a5e0000-ca11-4a7e-8000-000000000001_%08d-0000-4000-8000-%012d", i, i)), i % 3 == 0,
                    false));
        }
        assertSameBytes(roster("2025-06-30", "conn-a", 1, List.copyOf(crowd)), "a crowd beyond what is kept");
        assertSameBytes(roster("2025-06-30", "conn-a", 2, List.copyOf(crowd)), "the crowd again, in a new list");
    }
}
