package dev.acsemulator.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.call.IdentifierKind;
import dev.acsemulator.call.event.ParticipantView;
import dev.acsemulator.json.ParticipantModels;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code participants} array of ParticipantsUpdated as the JSON text it goes on the wire as, made once per roster
 * and api-version and spliced into every connection's event (issue #14: a 350-participant roster built as a tree and
 * shaped for every event cost ~1.4 ms and 485 KB).
 *
 * <p>Two levels of reuse. A roster announced to several connections is one list object ({@code Call} hands every
 * connection's event the same unmodifiable list), so its text is made once and kept for the {@link #ROSTERS_KEPT} most
 * recent rosters. A new roster version mostly lists the people of the previous one, so each participant's element is
 * kept too, per api-version, for the {@link #PARTICIPANTS_KEPT_PER_VERSION} most recently used; a new version then
 * only joins texts. Each element is made exactly as the tree path makes it (the same {@link EventFieldWriters} node,
 * shaped by the same {@link VersionShaper} inside a ParticipantsUpdated body), so the bytes are the same;
 * {@code RosterJsonTest} compares both paths.
 */
final class RosterJson {

    static final int ROSTERS_KEPT = 8;
    static final int PARTICIPANTS_KEPT_PER_VERSION = 4096;

    private static final String EVENT_TYPE = "ParticipantsUpdated";
    private static final String PARTICIPANTS = "participants";

    private final ObjectMapper mapper;
    private final VersionShaper shaper;
    private final RecentRosters recent = new RecentRosters();
    private final RosterPrefixes prefixes = new RosterPrefixes();
    private final Map<String, ParticipantTexts> participantsByVersion = new ConcurrentHashMap<>();

    RosterJson(ObjectMapper mapper, VersionShaper shaper) {
        this.mapper = mapper;
        this.shaper = shaper;
    }

    /** The roster's array shaped for {@code apiVersion}, as raw JSON in UTF-8, joined from each participant's bytes. */
    SerializableString participants(String apiVersion, List<ParticipantView> roster) {
        return participants(null, apiVersion, roster);
    }

    /**
     * The same, for a roster of the call {@code serverCallId} (null: of no call in particular): the front it shares
     * with the call's previous roster is copied from that roster's array ({@link RosterPrefixes}), the rest joined.
     */
    SerializableString participants(String serverCallId, String apiVersion, List<ParticipantView> roster) {
        SerializableString known = recent.find(roster, apiVersion);
        if (known != null) {
            return known;
        }
        RosterPrefixes.Written previous = serverCallId == null || roster.size() < RosterPrefixes.MIN_PARTICIPANTS
                ? null : prefixes.last(serverCallId, apiVersion);
        int shared = previous == null ? 0 : previous.sharedFront(roster);
        int front = shared == 0 ? 1 : previous.ends()[shared - 1];
        ParticipantTexts texts = participantsByVersion.computeIfAbsent(apiVersion, ParticipantTexts::new);
        byte[][] elements = new byte[roster.size() - shared][];
        int commas = shared == 0 ? Math.max(0, elements.length - 1) : elements.length;
        int length = front + commas + 1;
        synchronized (texts) {
            for (int i = 0; i < elements.length; i++) {
                elements[i] = texts.of(roster.get(shared + i));
                length += elements[i].length;
            }
        }
        byte[] array = new byte[length];
        int[] ends = new int[roster.size()];
        int at;
        if (shared == 0) {
            array[0] = '[';
            at = 1;
        } else {
            System.arraycopy(previous.array(), 0, array, 0, front);
            System.arraycopy(previous.ends(), 0, ends, 0, shared);
            at = front;
        }
        for (int i = 0; i < elements.length; i++) {
            if (shared + i > 0) {
                array[at++] = ',';
            }
            System.arraycopy(elements[i], 0, array, at, elements[i].length);
            at += elements[i].length;
            ends[shared + i] = at;
        }
        array[at] = ']';
        SerializableString json = new RawUtf8Json(array);
        recent.keep(roster, apiVersion, json);
        if (serverCallId != null) {
            prefixes.keep(serverCallId, apiVersion, new RosterPrefixes.Written(roster, array, ends));
        }
        return json;
    }

    /** How many participants' elements are kept for {@code apiVersion}. */
    int elementsKept(String apiVersion) {
        ParticipantTexts texts = participantsByVersion.get(apiVersion);
        if (texts == null) {
            return 0;
        }
        synchronized (texts) {
            return texts.size();
        }
    }

    /** Everything {@link ParticipantModels} and {@code IdentifierModels} read from a participant. */
    private record ParticipantKey(IdentifierKind kind, String rawId, String cloud, boolean anonymous, boolean muted,
                                  boolean onHold) {
        static ParticipantKey of(ParticipantView view) {
            return new ParticipantKey(view.identifier().kind(), view.identifier().rawId(), view.identifier().cloud(),
                    view.identifier().anonymous(), view.muted(), view.onHold());
        }
    }

    /** One api-version's participant elements, least recently used first out; guarded by itself. */
    private final class ParticipantTexts extends LinkedHashMap<ParticipantKey, byte[]> {

        private final String apiVersion;

        ParticipantTexts(String apiVersion) {
            super(64, 0.75f, true);
            this.apiVersion = apiVersion;
        }

        byte[] of(ParticipantView view) {
            ParticipantKey key = ParticipantKey.of(view);
            byte[] text = get(key);
            if (text == null) {
                text = write(view);
                put(key, text);
            }
            return text;
        }

        /** The element as the tree path writes it: shaped inside a ParticipantsUpdated body of this api-version. */
        private byte[] write(ParticipantView view) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.putArray(PARTICIPANTS).add(ParticipantModels.write(view));
            shaper.shapeEvent(apiVersion, EVENT_TYPE, body);
            JsonNode shaped = body.path(PARTICIPANTS).path(0);
            if (shaped.isMissingNode()) {
                throw new IllegalStateException("api-version " + apiVersion + " has no " + EVENT_TYPE + "."
                        + PARTICIPANTS + ": CloudEventWriter asks only for versions whose event has it");
            }
            try {
                return mapper.writeValueAsBytes(shaped);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<ParticipantKey, byte[]> eldest) {
            return size() > PARTICIPANTS_KEPT_PER_VERSION;
        }
    }

    /**
     * The last few rosters' texts, found by the roster list's identity (an event's roster is never changed once the
     * event is made) and api-version. Holding the lists keeps a recycled identity from matching a newer roster.
     */
    private static final class RecentRosters {

        private record Entry(List<ParticipantView> roster, String apiVersion, SerializableString json) { }

        private final Entry[] entries = new Entry[ROSTERS_KEPT];
        private int next;

        synchronized SerializableString find(List<ParticipantView> roster, String apiVersion) {
            for (Entry entry : entries) {
                if (entry != null && entry.roster() == roster && entry.apiVersion().equals(apiVersion)) {
                    return entry.json();
                }
            }
            return null;
        }

        synchronized void keep(List<ParticipantView> roster, String apiVersion, SerializableString json) {
            entries[next] = new Entry(roster, apiVersion, json);
            next = (next + 1) % entries.length;
        }
    }
}
