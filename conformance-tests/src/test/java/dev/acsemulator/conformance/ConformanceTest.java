package dev.acsemulator.conformance;

import com.azure.communication.callautomation.CallAutomationClient;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import dev.acsemulator.conformance.support.SchemaCheck;
import dev.acsemulator.conformance.support.SignedHttp;
import dev.acsemulator.junit5.CallbackReceiver;
import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.common.CommunicationUserIdentifier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.conformance.support.ConformanceSetup;
import dev.acsemulator.junit5.AcsEmulatorTest;
import dev.acsemulator.Emulator;
import dev.acsemulator.admin.client.ControlClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every conformance scenario shares: the running emulator, an SDK client, a signed raw-HTTP client, the webhook
 * receiver, and the rule that every response and event body matched its api-version's schema.
 */
@AcsEmulatorTest(configurer = ConformanceSetup.class)
abstract class ConformanceTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String RESOURCE_USER_PREFIX = "8:acs:0a5e0000-ca11-4a7e-8000-000000000001_";

    final CallAutomationClient client = EmulatorUnderTest.client();
    CallbackReceiver receiver;
    SignedHttp http;
    ControlClient control;

    /** What the JUnit 5 extension injects: the suite's emulator, its control API and its callback receiver. */
    @BeforeEach
    void wire(Emulator emulator, CallbackReceiver injectedReceiver, ControlClient injectedControl) {
        this.receiver = injectedReceiver;
        this.http = new SignedHttp(emulator);
        this.control = injectedControl;
    }

    static String person() {
        return RESOURCE_USER_PREFIX + UUID.randomUUID();
    }

    static String appUser() {
        return EmulatorUnderTest.APP_USER_PREFIX + UUID.randomUUID();
    }

    static String newCallbackPath() {
        return "/callbacks/" + UUID.randomUUID();
    }

    /** CreateCall over signed raw HTTP at any api-version; returns the response's JSON. */
    JsonNode createCallRaw(String apiVersion, String targetRawId, String callbackPath) {
        String target = targetRawId.startsWith("4:")
                ? "{\"kind\":\"phoneNumber\",\"rawId\":\"" + targetRawId + "\",\"phoneNumber\":{\"value\":\""
                        + targetRawId.substring(2) + "\"}}"
                : "{\"kind\":\"communicationUser\",\"rawId\":\"" + targetRawId
                        + "\",\"communicationUser\":{\"id\":\"" + targetRawId + "\"}}";
        String body = "{\"targets\":[" + target + "],\"sourceCallerIdNumber\":{\"value\":\"+18005550100\"},"
                + "\"callbackUri\":\"" + receiver.url(callbackPath) + "\"}";
        HttpResponse<String> response = http.send("POST", "/calling/callConnections?api-version=" + apiVersion, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The resultInformation of the n-th callback POSTed to a path. */
    JsonNode resultOf(String callbackPath, int index) {
        return receiver.received(callbackPath).get(index).json().get(0).path("data").path("resultInformation");
    }

    /** Two applications in one call: A called a user that B owns, and B answered. */
    record AppToAppCall(String callerId, String callerPath, String calleeId, String calleePath, String serverCallId,
                        String calleeRawId) { }

    AppToAppCall connectedAppToAppCall() {
        String callerPath = newCallbackPath();
        String calleePath = newCallbackPath();
        int before = receiver.notifications(EmulatorUnderTest.INCOMING_PATH).size();
        String callerId = client.createCall(new CallInvite(new CommunicationUserIdentifier(appUser())),
                receiver.url(callerPath)).getCallConnectionProperties().getCallConnectionId();
        JsonNode incoming = receiver.awaitIncomingCall(EmulatorUnderTest.INCOMING_PATH, before + 1);
        String calleeId = client.answerCall(incoming.path("data").path("incomingCallContext").asText(),
                receiver.url(calleePath)).getCallConnectionProperties().getCallConnectionId();
        receiver.awaitEventTypes(callerPath, types -> types.contains("ParticipantsUpdated"));
        receiver.awaitEventTypes(calleePath, types -> types.contains("ParticipantsUpdated"));
        return new AppToAppCall(callerId, callerPath, calleeId, calleePath,
                incoming.path("data").path("serverCallId").asText(),
                incoming.path("data").path("to").path("rawId").asText());
    }

    /** A call from the SDK to a simulated person, connected. */
    record PersonCall(String callConnectionId, String callbackPath, String person) { }

    PersonCall connectedCallToPerson() {
        String path = newCallbackPath();
        String target = person();
        String id = client.createCall(new CallInvite(new CommunicationUserIdentifier(target)), receiver.url(path))
                .getCallConnectionProperties().getCallConnectionId();
        receiver.awaitEventTypes(path, types -> types.contains("ParticipantsUpdated"));
        return new PersonCall(id, path, target);
    }

    /** The same, created over raw HTTP at an api-version the Java SDK cannot send (e.g. 2026-03-12). */
    PersonCall connectedCallToPersonAt(String apiVersion) {
        String path = newCallbackPath();
        String target = person();
        String id = createCallRaw(apiVersion, target, path).path("callConnectionId").asText();
        receiver.awaitEventTypes(path, types -> types.contains("ParticipantsUpdated"));
        return new PersonCall(id, path, target);
    }

    @AfterEach
    void everyBodyMatchedItsSchema() {
        assertThat(SchemaCheck.drain()).as("schema violations in responses and events").isEmpty();
    }

    /**
     * On an emulator of the test's own: subscribes {@code filesPath} to RecordingFileStatusUpdated, calls a person
     * with {@code callPath} as the callback, and answers the connection's id once the call is connected.
     */
    String recordableCallOn(SignedHttp emulator, String filesPath, String callPath) {
        assertThat(json(emulator.send("POST", "/admin/eventgrid/subscriptions", "{\"name\":\"files\","
                + "\"endpoint\":\"" + receiver.url(filesPath) + "\",\"includedEventTypes\":"
                + "[\"Microsoft.Communication.RecordingFileStatusUpdated\"]}")).path("validated").asBoolean()).isTrue();
        String target = person();
        String callConnectionId = json(emulator.send("POST", "/calling/callConnections?api-version=2026-03-12",
                "{\"targets\":[{\"kind\":\"communicationUser\",\"rawId\":\"" + target + "\","
                        + "\"communicationUser\":{\"id\":\"" + target + "\"}}],\"callbackUri\":\""
                        + receiver.url(callPath) + "\"}")).path("callConnectionId").asText();
        receiver.awaitEventTypes(callPath, types -> types.contains("CallConnected"));
        return callConnectionId;
    }
}
