package dev.acsemulator.benchmarks.micro;

import dev.acsemulator.benchmarks.AbstractMicrobenchmark;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.ResultInformation;
import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.EventHeader;
import dev.acsemulator.call.event.EventTarget;
import dev.acsemulator.call.event.ParticipantView;
import dev.acsemulator.events.CloudEventWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The event a big call sends on every answer (issue #14): a ParticipantsUpdated carrying the whole roster, written as
 * it goes on the wire (CloudEvents array shaped for the api-version), at 2 participants (a 1:1 call) and at the
 * service's limit of 350; the load benchmark's {@code bigcall} part sends about 200 of these per big call.
 *
 * <p>Four ways side by side, all giving the same bytes: {@link #rebuilt} builds and shapes the roster as a tree for
 * every event (the path before issue #14's first fix); {@link #nextRosterVersionNewViews} writes a new roster version
 * of the same people listed by new view objects of the same identifiers, as {@code Call} does now (the views list
 * alike, so the front the roster shares with the call's previous one is copied in one piece);
 * {@link #nextRosterVersion} writes a new version listing the very view objects of the previous one (what a big call
 * did while each participant kept its view); {@link #sameRosterAnotherConnection} writes the same roster list again,
 * as a call with several application connections does for each of them.
 */
public class RosterEventBenchmark extends AbstractMicrobenchmark {

    @Param({"2023-03-06", "2026-03-12"})
    public String apiVersion;

    @Param({"2", "350"})
    public int participants;

    private CloudEventWriter writer;
    private CloudEventWriter rebuildingWriter;
    private CallEvent.ParticipantsUpdated roster;

    @Setup
    public void setUp() {
        InProcessApi world = new InProcessApi(event -> { });
        writer = new CloudEventWriter(world.mapper, world.shaper);
        rebuildingWriter = CloudEventWriter.rebuildingEveryRoster(world.mapper, world.shaper);
        EventTarget target = new EventTarget(Fixtures.CALL_ID, "c2VydmVyLWNhbGwtaWQ", "2c1b7a0e-3f4d-4e5a-8b9c-0d1e2f3a4b5c",
                "http://127.0.0.1:3000/api/callbacks", apiVersion);
        List<ParticipantView> views = new ArrayList<>(participants);
        for (int i = 0; i < participants; i++) {
            views.add(new ParticipantView(Identifier.communicationUser("8:acs:" + Fixtures.RESOURCE_ID + "_"
                    + String.format("%08d-0000-4000-8000-%012d", i, i)), false, false));
        }
        roster = new CallEvent.ParticipantsUpdated(new EventHeader("5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", target,
                null, ResultInformation.OK), participants, Collections.unmodifiableList(views));
    }

    @Benchmark
    public byte[] rebuilt() {
        return rebuildingWriter.write(roster, "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", Fixtures.NOW);
    }

    @Benchmark
    public byte[] nextRosterVersion() {
        CallEvent.ParticipantsUpdated next = new CallEvent.ParticipantsUpdated(roster.header(),
                roster.sequenceNumber(), Collections.unmodifiableList(new ArrayList<>(roster.participants())));
        return writer.write(next, "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", Fixtures.NOW);
    }

    @Benchmark
    public byte[] nextRosterVersionNewViews() {
        List<ParticipantView> views = new ArrayList<>(participants);
        for (ParticipantView view : roster.participants()) {
            views.add(new ParticipantView(view.identifier(), view.muted(), view.onHold()));
        }
        CallEvent.ParticipantsUpdated next = new CallEvent.ParticipantsUpdated(roster.header(),
                roster.sequenceNumber(), Collections.unmodifiableList(views));
        return writer.write(next, "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", Fixtures.NOW);
    }

    @Benchmark
    public byte[] sameRosterAnotherConnection() {
        return writer.write(roster, "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", Fixtures.NOW);
    }
}
