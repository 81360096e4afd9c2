package dev.acsemulator.conformance;

import com.azure.communication.callautomation.CallConnection;
import com.azure.communication.callautomation.models.CallConnectionProperties;
import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.common.CommunicationUserIdentifier;
import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.admin.client.ControlApiException;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import dev.acsemulator.conformance.support.SchemaCheck;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The IncomingCall side channel as the service fills it (side-channels.md §D1–§D2; the Azure SDK for Java's recorded
 * live tests): its display name and custom context, who a redirected, transferred or added call comes from, what an
 * answered connection reports about its call, and which subscriptions an event type reaches.
 */
class IncomingCallSideChannelAcceptanceTest extends ConformanceTest {

    private static final String RECORDED_VERSION = "2025-06-15";

    private JsonNode addRaw(String callConnectionId, String targetRawId, String extraJson) {
        int before = receiver.notifications(EmulatorUnderTest.INCOMING_PATH).size();
        HttpResponse<String> added = http.send("POST", "/calling/callConnections/" + callConnectionId
                + "/participants:add?api-version=" + RECORDED_VERSION, "{\"participantToAdd\":{\"kind\":"
                + "\"communicationUser\",\"rawId\":\"" + targetRawId + "\",\"communicationUser\":{\"id\":\""
                + targetRawId + "\"}}" + extraJson + "}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(202);
        return receiver.awaitIncomingCall(EmulatorUnderTest.INCOMING_PATH, before + 1).path("data");
    }

    private JsonNode createCallAndAwaitIncoming(String target) {
        int before = receiver.notifications(EmulatorUnderTest.INCOMING_PATH).size();
        createCallRaw(RECORDED_VERSION, target, newCallbackPath());
        return receiver.awaitIncomingCall(EmulatorUnderTest.INCOMING_PATH, before + 1).path("data");
    }

    @Test
    void aCallerWithoutADisplayNameIsAnnouncedWithAnEmptyOneAndNoCustomContext() {
        JsonNode data = createCallAndAwaitIncoming(appUser());

        assertThat(data.has("callerDisplayName")).as(data.toString()).isTrue();
        assertThat(data.path("callerDisplayName").asText()).isEmpty();
        assertThat(data.has("customContext")).as(data.toString()).isFalse();
    }

    @Test
    void anEmptyCustomCallingContextArrivesAsAnEmptyCustomContext() {
        PersonCall call = connectedCallToPersonAt(RECORDED_VERSION);

        JsonNode data = addRaw(call.callConnectionId(), appUser(),
                ",\"customCallingContext\":{\"voipHeaders\":{},\"sipHeaders\":{}}");

        assertThat(data.path("customContext").toString()).isEqualTo("{\"sipHeaders\":{},\"voipHeaders\":{}}");
        assertThat(data.path("callerDisplayName").asText()).isEmpty();
    }

    @Test
    void aRedirectedCallComesFromTheIdentityThatRedirectedIt() {
        JsonNode first = createCallAndAwaitIncoming(appUser());
        int before = receiver.notifications(EmulatorUnderTest.INCOMING_PATH).size();
        String next = appUser();

        client.redirectCall(first.path("incomingCallContext").asText(),
                new CallInvite(new CommunicationUserIdentifier(next)));
        JsonNode redirected = receiver.awaitIncomingCall(EmulatorUnderTest.INCOMING_PATH, before + 1).path("data");

        assertThat(redirected.path("to").path("rawId").asText()).isEqualTo(next);
        assertThat(redirected.path("from")).as("openapi/DEVIATIONS.md 60").isEqualTo(first.path("to"));
        assertThat(redirected.path("callerDisplayName").asText()).isEmpty();
        assertThat(redirected.path("serverCallId")).isEqualTo(first.path("serverCallId"));
        assertThat(redirected.path("correlationId")).isEqualTo(first.path("correlationId"));
    }

    @Test
    void aTransferredCallComesFromTheTransferee() {
        PersonCall call = connectedCallToPerson();
        int before = receiver.notifications(EmulatorUnderTest.INCOMING_PATH).size();
        String target = appUser();

        client.getCallConnection(call.callConnectionId())
                .transferCallToParticipant(new CommunicationUserIdentifier(target));
        JsonNode data = receiver.awaitIncomingCall(EmulatorUnderTest.INCOMING_PATH, before + 1).path("data");

        assertThat(data.path("to").path("rawId").asText()).isEqualTo(target);
        assertThat(data.path("from").path("rawId").asText()).isEqualTo(call.person());
    }

    @Test
    void anAddedParticipantIsCalledFromTheApplicationThatAddedIt() {
        PersonCall call = connectedCallToPerson();
        CallConnection connection = client.getCallConnection(call.callConnectionId());
        String application = ((CommunicationUserIdentifier) connection.getCallProperties().getSource()).getId();
        int before = receiver.notifications(EmulatorUnderTest.INCOMING_PATH).size();

        connection.addParticipant(new CallInvite(new CommunicationUserIdentifier(appUser())));
        JsonNode data = receiver.awaitIncomingCall(EmulatorUnderTest.INCOMING_PATH, before + 1).path("data");

        assertThat(data.path("from").path("rawId").asText()).isEqualTo(application);
    }

    @Test
    void anAnsweredCallNamesItsCallerAsSourceAndTheAnsweringIdentityAsTarget() {
        AppToAppCall call = connectedAppToAppCall();
        String caller = ((CommunicationUserIdentifier) client.getCallConnection(call.callerId()).getCallProperties()
                .getSource()).getId();

        CallConnectionProperties answered = client.getCallConnection(call.calleeId()).getCallProperties();
        assertThat(((CommunicationUserIdentifier) answered.getSource()).getId()).isEqualTo(caller);
        assertThat(answered.getTargetParticipants()).extracting(target -> target.getRawId())
                .containsExactly(call.calleeRawId());

        for (String version : List.of("2023-03-06", RECORDED_VERSION, "2026-03-12")) {
            HttpResponse<String> got = http.send("GET", "/calling/callConnections/" + call.calleeId()
                    + "?api-version=" + version, null);
            assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
            SchemaCheck.response(version, "CallConnectionProperties", json(got), "GetCall");
            assertThat(json(got).path("source").path("rawId").asText()).as(version).isEqualTo(caller);
            assertThat(json(got).path("targets").findValuesAsText("rawId")).as(version)
                    .containsExactly(call.calleeRawId());
        }
    }

    @Test
    void aSubscriptionThatLeavesOutIncomingCallLeavesItsUsersToSimulatedPeople() {
        String path = "/recordings-only/" + UUID.randomUUID();
        String user = RESOURCE_USER_PREFIX + "recordings-" + UUID.randomUUID();
        JsonNode created = control.subscribe("recordings-only-" + UUID.randomUUID(), receiver.url(path), List.of(user),
                List.of(), List.of("Microsoft.Communication.RecordingFileStatusUpdated"));
        assertThat(created.path("includedEventTypes").toString())
                .isEqualTo("[\"Microsoft.Communication.RecordingFileStatusUpdated\"]");

        String callback = newCallbackPath();
        createCallRaw(RECORDED_VERSION, user, callback);

        assertThat(receiver.awaitEventTypes(callback, types -> types.contains("CallConnected"))).contains("CallConnected");
        assertThat(receiver.notifications(path)).isEmpty();
    }

    @Test
    void aSubscriptionThatIncludesIncomingCallAmongOtherTypesReceivesIt() {
        String path = "/both/" + UUID.randomUUID();
        String user = RESOURCE_USER_PREFIX + "both-" + UUID.randomUUID();
        control.subscribe("both-" + UUID.randomUUID(), receiver.url(path), List.of(user), List.of(),
                List.of("Microsoft.Communication.RecordingFileStatusUpdated", "Microsoft.Communication.IncomingCall"));

        createCallRaw(RECORDED_VERSION, user, newCallbackPath());

        JsonNode event = receiver.awaitIncomingCall(path, 1);
        assertThat(event.path("eventType").asText()).isEqualTo("Microsoft.Communication.IncomingCall");
        assertThat(event.path("data").path("to").path("rawId").asText()).isEqualTo(user);
    }

    @Test
    void aSubscriptionNamingAnEventTypeThisResourceDoesNotPublishIsRefusedWith400NamingIt() {
        HttpResponse<String> refused = http.send("POST", "/admin/eventgrid/subscriptions", "{\"name\":\"chat\","
                + "\"endpoint\":\"" + receiver.url("/chat") + "\",\"includedEventTypes\":["
                + "\"Microsoft.Communication.IncomingCall\",\"Microsoft.Communication.ChatMessageReceived\"]}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("error").path("message").asText())
                .contains("Microsoft.Communication.ChatMessageReceived");
        assertThatThrownBy(() -> control.subscribe("chat", receiver.url("/chat"), List.of(), List.of(),
                List.of("Microsoft.Communication.Nope"))).isInstanceOf(ControlApiException.class);
        assertThat(control.subscriptions().path("subscriptions").findValuesAsText("name")).doesNotContain("chat");
    }
}
