package dev.acsemulator.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.acsemulator.call.event.CallEvent;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * A callback event as it goes on the wire: a one-element JSON array holding one CloudEvents 1.0 event
 * (call-automation-behaviour.md §3; the JS SDK parses only element [0], sdk-wire-facts.md §8), shaped for the
 * connection's api-version.
 */
public final class CloudEventWriter {

    public static final String TYPE_PREFIX = "Microsoft.Communication.";

    private static final String PARTICIPANTS = "participants";

    private final ObjectMapper mapper;
    private final VersionShaper shaper;
    /**
     * The fewest participants whose roster is spliced in as text made once ({@link RosterJson}); a smaller roster is
     * built in the event's tree. Splicing pays off when a roster's elements are reused (a big call's next version, a
     * roster sent to several connections); a 1:1 call's roster lists two people seen for the first time, whose
     * elements would each be shaped and serialized apart and then kept for nothing.
     */
    static final int SPLICED_FROM = RosterPrefixes.MIN_PARTICIPANTS;

    /** ParticipantsUpdated's roster text, made once per roster and api-version; null writes every roster afresh. */
    private final RosterJson rosters;
    private final int splicedFrom;

    /**
     * Writes each roster of {@link #SPLICED_FROM} participants or more once per api-version and reuses its text in
     * every event carrying it ({@link RosterJson}); smaller rosters are written with their event.
     */
    public CloudEventWriter(ObjectMapper mapper, VersionShaper shaper) {
        this(mapper, shaper, new RosterJson(mapper, shaper), SPLICED_FROM);
    }

    /** A writer splicing rosters from {@code splicedFrom} participants on, from {@code rosters} (tests). */
    CloudEventWriter(ObjectMapper mapper, VersionShaper shaper, RosterJson rosters, int splicedFrom) {
        this.mapper = mapper;
        this.shaper = shaper;
        this.rosters = rosters;
        this.splicedFrom = splicedFrom;
    }

    /**
     * Builds and shapes every event's roster as a tree, each time: the path before rosters were reused, kept as the
     * reference the reusing writer is compared with (the same bytes) and measured against (RosterEventBenchmark).
     */
    public static CloudEventWriter rebuildingEveryRoster(ObjectMapper mapper, VersionShaper shaper) {
        return new CloudEventWriter(mapper, shaper, null, Integer.MAX_VALUE);
    }

    /** Whether the event exists in its connection's api-version (CreateCallFailed, for one, came in 2024-09-15). */
    public boolean existsInVersion(CallEvent event) {
        return shaper.hasEvent(event.header().target().apiVersion(), event.typeName());
    }

    /**
     * The {@code source} and {@code subject}: the connection, or for a recording's state the recording
     * (call-automation-behaviour.md §2.17: {@code calling/recordings/<serverCallId>/<recordingId>/RecordingStateChanged}).
     */
    static String subjectOf(CallEvent event) {
        if (event instanceof CallEvent.RecordingStateChanged recording) {
            return "calling/recordings/" + event.header().target().serverCallId() + "/" + recording.recordingId()
                    + "/RecordingStateChanged";
        }
        return "calling/callConnections/" + event.header().target().callConnectionId();
    }

    /** Serializes the event; {@code eventId} and {@code time} come from the emulator's id source and clock. */
    public byte[] write(CallEvent event, String eventId, Instant time) {
        String type = TYPE_PREFIX + event.typeName();
        String subject = subjectOf(event);
        ObjectNode data = shapedData(event, type);
        ObjectNode cloudEvent = mapper.createObjectNode();
        cloudEvent.put("id", eventId);
        cloudEvent.put("source", subject);
        cloudEvent.put("type", type);
        cloudEvent.set("data", data);
        cloudEvent.put("time", EventTimes.format(time));
        cloudEvent.put("specversion", "1.0");
        cloudEvent.put("datacontenttype", "application/json");
        cloudEvent.put("subject", subject);
        ArrayNode body = mapper.createArrayNode().add(cloudEvent);
        try {
            return mapper.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event's {@code data}, shaped for its api-version; a roster's array is spliced in as text made once. */
    private ObjectNode shapedData(CallEvent event, String type) {
        String apiVersion = event.header().target().apiVersion();
        if (rosters == null || !(event instanceof CallEvent.ParticipantsUpdated roster)
                || roster.participants().size() < splicedFrom) {
            ObjectNode data = CallEventData.of(event, type);
            shaper.shapeEvent(apiVersion, event.typeName(), data);
            return data;
        }
        ObjectNode data = CallEventData.of(new CallEvent.ParticipantsUpdated(roster.header(), roster.sequenceNumber(),
                List.of()), type);
        shaper.shapeEvent(apiVersion, event.typeName(), data);
        if (data.has(PARTICIPANTS)) {
            data.putRawValue(PARTICIPANTS, new RawValue(rosters.participants(roster.header().target().serverCallId(),
                    apiVersion, roster.participants())));
        }
        return data;
    }
}
