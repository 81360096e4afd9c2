package dev.acsemulator.admin.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A small client for the emulator's control API, for tests: inspect calls, make simulated people act, set
 * identities' behaviours and Event Grid subscriptions. Answers are the API's JSON as {@link JsonNode}.
 */
public final class ControlClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ControlTransport transport;

    public ControlClient(ControlTransport transport) {
        this.transport = transport;
    }

    public JsonNode calls() {
        return get("/admin/calls");
    }

    public JsonNode call(String serverCallId) {
        return get("/admin/calls/" + encode(serverCallId));
    }

    public JsonNode callOfConnection(String callConnectionId) {
        return get("/admin/connections/" + encode(callConnectionId));
    }

    /** {@code {"rawId","heard":[{listener, kind, uri|text|ssml|tones, start, end, ending}, ...]}}: what one heard. */
    public JsonNode heard(String serverCallId, String rawId) {
        return get("/admin/calls/" + encode(serverCallId) + "/participants/" + encode(rawId) + "/heard");
    }

    /**
     * What one participant heard from the application, as a 16 kHz 16-bit mono WAV file, from when they joined until
     * now or the call's end: prompts, hold audio, tones sent to them, streamed audio.
     */
    public byte[] heardAudio(String serverCallId, String rawId) {
        ControlTransport.Reply reply = transport.send("GET", "/admin/calls/" + encode(serverCallId) + "/participants/"
                + encode(rawId) + "/heard.wav", null);
        failed(reply);
        return reply.content();
    }

    public JsonNode deliveries(String serverCallId) {
        return get("/admin/calls/" + encode(serverCallId) + "/deliveries");
    }

    /** {@code {"serverCallId","dropped","items":[{seq, time, kind, from, to, label, ...}]}}: the call's activity. */
    public JsonNode activity(String serverCallId) {
        return get("/admin/calls/" + encode(serverCallId) + "/activity");
    }

    /** One activity item in full: a request with both bodies, an event with its body and delivery attempts. */
    public JsonNode activityItem(String serverCallId, long seq) {
        return get("/admin/calls/" + encode(serverCallId) + "/activity/" + seq);
    }

    /** {@code {"call","activity","deliveries"}}: the call as one document, for a bug report. */
    public JsonNode exportCall(String serverCallId) {
        return get("/admin/calls/" + encode(serverCallId) + "/export");
    }

    /** The call as Mermaid {@code sequenceDiagram} text. */
    public String diagram(String serverCallId) {
        ControlTransport.Reply reply = transport.send("GET", "/admin/calls/" + encode(serverCallId) + "/diagram.mmd",
                null);
        failed(reply);
        return reply.body();
    }

    /** A simulated caller calls an application-owned identity; returns the new call's server call id. */
    public String placeInboundCall(String fromRawId, String toRawId, String callerDisplayName,
                                   Map<String, String> sipHeaders, Map<String, String> voipHeaders) {
        ObjectNode body = MAPPER.createObjectNode().put("from", fromRawId).put("to", toRawId);
        if (callerDisplayName != null) {
            body.put("callerDisplayName", callerDisplayName);
        }
        body.set("sipHeaders", MAPPER.valueToTree(sipHeaders));
        body.set("voipHeaders", MAPPER.valueToTree(voipHeaders));
        return send("POST", "/admin/calls:inbound", body).path("serverCallId").asText();
    }

    public void hangUp(String serverCallId, String rawId) {
        person(serverCallId, rawId, "hangUp", null);
    }

    public void hold(String serverCallId, String rawId) {
        person(serverCallId, rawId, "hold", null);
    }

    public void unhold(String serverCallId, String rawId) {
        person(serverCallId, rawId, "unhold", null);
    }

    public void sendDtmf(String serverCallId, String rawId, List<String> tones) {
        person(serverCallId, rawId, "sendDtmf", MAPPER.createObjectNode().set("tones", MAPPER.valueToTree(tones)));
    }

    /** The person says {@code phrase} in the emulator's synthetic voice. */
    public void say(String serverCallId, String rawId, String phrase) {
        person(serverCallId, rawId, "say", MAPPER.createObjectNode().put("phrase", phrase));
    }

    /** The person says {@code phrase} with a recording: a WAV file of 16-bit mono PCM at 16 or 24 kHz. */
    public void say(String serverCallId, String rawId, String phrase, byte[] wav) {
        person(serverCallId, rawId, "say", MAPPER.createObjectNode().put("phrase", phrase)
                .put("audio", java.util.Base64.getEncoder().encodeToString(wav)));
    }

    /** The person says {@code phrase} with the WAV file at {@code audioUrl}, which the emulator downloads first. */
    public void sayWithAudioFrom(String serverCallId, String rawId, String phrase, String audioUrl) {
        person(serverCallId, rawId, "say", MAPPER.createObjectNode().put("phrase", phrase).put("audioUrl", audioUrl));
    }

    /**
     * Invitations of every known call, each with its {@code serverCallId}: {@code state} (ringing, answered, failed,
     * cancelled) and {@code manual} narrow the list when not null; {@code invitations(true, "ringing")} lists what a
     * person can answer or decline by hand now.
     */
    public JsonNode invitations(Boolean manual, String state) {
        StringBuilder query = new StringBuilder();
        if (state != null) {
            query.append("state=").append(encode(state));
        }
        if (manual != null) {
            query.append(query.length() == 0 ? "" : "&").append("manual=").append(manual);
        }
        return get("/admin/invitations" + (query.length() == 0 ? "" : "?" + query));
    }

    /** The person rung by a {@code manual} invitation answers it by hand: the events of an automatic answer. */
    public void answerInvitation(String serverCallId, String invitationId) {
        invitation(serverCallId, invitationId, "answer");
    }

    /** The person rung by a {@code manual} invitation declines it by hand: the decline behaviour's events (603). */
    public void declineInvitation(String serverCallId, String invitationId) {
        invitation(serverCallId, invitationId, "decline");
    }

    private void invitation(String serverCallId, String invitationId, String action) {
        send("POST", "/admin/calls/" + encode(serverCallId) + "/invitations/" + encode(invitationId) + ":" + action,
                null);
    }

    public void join(String serverCallId, String rawId) {
        send("POST", "/admin/calls/" + encode(serverCallId) + "/participants:join",
                MAPPER.createObjectNode().put("rawId", rawId));
    }

    /**
     * A simulated participant transfers its call with the Calling SDK: {@code transferJson} is
     * {@code {"target": rawId}}, {@code {"targetCallId": serverCallId}} or {@code {"targetVoicemail": rawId}}, with
     * optional {@code transferee} and {@code disableForwardingAndUnanswered}. Returns the transfer (id, state).
     */
    public JsonNode transfer(String serverCallId, String transferorRawId, String transferJson) {
        return send("POST", "/admin/calls/" + encode(serverCallId) + "/participants/" + encode(transferorRawId)
                + ":transfer", parse(transferJson));
    }

    /** A client-side transfer's state: None, Transferring, Transferred or Failed, with its error. */
    public JsonNode transferState(String transferId) {
        return get("/admin/transfers/" + encode(transferId));
    }

    /**
     * Sets how an identity behaves, e.g. {@code {"response":"busy"}} or
     * {@code {"response":"noAnswer","forwardAfter":"PT10S","forwardTo":"voicemail"}}, or {@code {"response":"manual"}}
     * (rings until {@link #answerInvitation} or {@link #declineInvitation}).
     */
    public JsonNode setBehaviour(String rawId, String behaviourJson) {
        return send("PUT", "/admin/identities/" + encode(rawId), parse(behaviourJson));
    }

    public JsonNode identity(String rawId) {
        return get("/admin/identities/" + encode(rawId));
    }

    public void removeBehaviour(String rawId) {
        send("DELETE", "/admin/identities/" + encode(rawId), null);
    }

    /** Creates an Event Grid subscription to IncomingCall and returns it, with {@code validated} after the handshake. */
    public JsonNode subscribe(String name, String endpoint, List<String> toRawIds, List<String> toRawIdPrefixes) {
        return subscribe(name, endpoint, toRawIds, toRawIdPrefixes, List.of());
    }

    /**
     * The same, delivering the event types named ({@code Microsoft.Communication.IncomingCall}, ...; none: IncomingCall
     * only).
     */
    public JsonNode subscribe(String name, String endpoint, List<String> toRawIds, List<String> toRawIdPrefixes,
                              List<String> includedEventTypes) {
        ObjectNode body = MAPPER.createObjectNode().put("name", name).put("endpoint", endpoint);
        body.set("toRawIds", MAPPER.valueToTree(toRawIds));
        body.set("toRawIdPrefixes", MAPPER.valueToTree(toRawIdPrefixes));
        if (!includedEventTypes.isEmpty()) {
            body.set("includedEventTypes", MAPPER.valueToTree(includedEventTypes));
        }
        return send("POST", "/admin/eventgrid/subscriptions", body);
    }

    public void unsubscribe(String name) {
        send("DELETE", "/admin/eventgrid/subscriptions/" + encode(name), null);
    }

    /** Adds a fault rule (see FaultJson for the shape) and returns it with its id. */
    public JsonNode addFault(String ruleJson) {
        return send("POST", "/admin/faults", parse(ruleJson));
    }

    /** The fault rules and every fault applied so far. */
    public JsonNode faults() {
        return get("/admin/faults");
    }

    public void removeFault(String id) {
        send("DELETE", "/admin/faults/" + encode(id), null);
    }

    public void clearFaults() {
        send("DELETE", "/admin/faults", null);
    }

    /** The clock's mode and the emulator's current time. */
    public JsonNode clock() {
        return get("/admin/clock");
    }

    /** Moves virtual time forward (ISO-8601 duration, e.g. PT30S); returns the new time. */
    public JsonNode advanceClock(String duration) {
        return send("POST", "/admin/clock:advance", MAPPER.createObjectNode().put("by", duration));
    }

    public JsonNode identities() {
        return get("/admin/identities");
    }

    public JsonNode subscriptions() {
        return get("/admin/eventgrid/subscriptions");
    }

    public JsonNode operations() {
        return get("/admin/operations");
    }

    /** The recording files the emulator holds, oldest first. */
    public JsonNode recordings() {
        return get("/admin/recordings");
    }

    public void reset() {
        send("POST", "/admin/reset", null);
    }

    private void person(String serverCallId, String rawId, String action, ObjectNode body) {
        send("POST", "/admin/calls/" + encode(serverCallId) + "/participants/" + encode(rawId) + ":" + action, body);
    }

    private JsonNode get(String path) {
        return send("GET", path, null);
    }

    private JsonNode send(String method, String path, JsonNode body) {
        ControlTransport.Reply reply = transport.send(method, path, body == null ? null : body.toString());
        failed(reply);
        return reply.content().length == 0 ? MAPPER.createObjectNode() : parse(reply.body());
    }

    /** Throws the API's error when the reply is one. */
    private static void failed(ControlTransport.Reply reply) {
        if (reply.status() >= 400) {
            JsonNode error = reply.content().length == 0 ? MAPPER.createObjectNode() : parse(reply.body()).path("error");
            throw new ControlApiException(reply.status(), error.path("code").asText(), error.path("message").asText());
        }
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not JSON: " + json, e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
