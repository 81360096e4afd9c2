package dev.acsemulator.conformance;

import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.common.CommunicationUserIdentifier;
import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.admin.client.ControlApiException;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fault rules: each kind, applied through the control API and journaled. The extension removes the rules after each
 * test (they are not in the configuration).
 */
class FaultInjectionAcceptanceTest extends ConformanceTest {

    private JsonNode faultList() {
        return adminJson("GET", "/admin/faults", null);
    }

    private void deleteRule(String id) {
        adminJson("DELETE", "/admin/faults/" + id, null);
    }

    private JsonNode addRule(String json) {
        return adminJson("POST", "/admin/faults", json);
    }

    private JsonNode adminJson(String method, String path, String body) {
        HttpResponse<String> response = http.send(method, path, body);
        assertThat(response.statusCode()).as(method + " " + path + " " + response.body()).isLessThan(300);
        return response.body().isEmpty() ? MAPPER.createObjectNode() : json(response);
    }

    @Test
    void anHttpErrorRuleAnswersItsErrorWithRetryAfterThenStops() {
        PersonCall call = connectedCallToPersonAt("2026-03-12");
        addRule("{\"count\":1,\"match\":{\"operation\":\"CallConnection_AddParticipant\",\"callConnectionId\":\""
                + call.callConnectionId() + "\"},\"fault\":{\"type\":\"httpError\",\"status\":503,"
                + "\"code\":\"ServiceUnavailable\",\"message\":\"Try later.\",\"retryAfterSeconds\":2}}");
        String add = "/calling/callConnections/" + call.callConnectionId() + "/participants:add?api-version=2026-03-12";
        String body = "{\"participantToAdd\":{\"rawId\":\"" + person() + "\"}}";
        HttpResponse<String> first = http.send("POST", add, body);
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(json(first).path("error").path("code").asText()).isEqualTo("ServiceUnavailable");
        assertThat(http.send("POST", add, body).statusCode()).isEqualTo(202);
        assertThat(faultList().path("applied").findValuesAsText("operation"))
                .contains("CallConnection_AddParticipant");
    }

    @Test
    void theSdkRetriesAnInjected429AndSucceeds() {
        String target = person();
        addRule("{\"count\":1,\"match\":{\"operation\":\"CreateCall\",\"target\":\"" + target + "\"},"
                + "\"fault\":{\"type\":\"httpError\",\"status\":429,\"code\":\"TooManyRequests\","
                + "\"retryAfterSeconds\":1}}");
        String path = newCallbackPath();
        client.createCall(new CallInvite(new CommunicationUserIdentifier(target)), receiver.url(path));
        assertThat(receiver.awaitEventTypes(path, t -> t.contains("ParticipantsUpdated"))).startsWith("CallConnected");
        assertThat(faultList().path("rules").get(0).path("applied").asInt()).isEqualTo(1);
    }

    @Test
    void latencyIsAddedToTheAnswer() {
        PersonCall call = connectedCallToPersonAt("2026-03-12");
        addRule("{\"match\":{\"operation\":\"CallConnection_GetCall\",\"callConnectionId\":\"" + call.callConnectionId()
                + "\"},\"fault\":{\"type\":\"latency\",\"delay\":{\"fixed\":400}}}");
        long started = System.nanoTime();
        assertThat(http.send("GET", "/calling/callConnections/" + call.callConnectionId() + "?api-version=2026-03-12",
                null).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void aDroppedConnectionGetsNoAnswerAndTheNextRequestDoes() {
        PersonCall call = connectedCallToPersonAt("2026-03-12");
        String get = "/calling/callConnections/" + call.callConnectionId() + "?api-version=2026-03-12";
        JsonNode rule = addRule("{\"match\":{\"operation\":\"CallConnection_GetCall\",\"callConnectionId\":\""
                + call.callConnectionId() + "\"},\"fault\":{\"type\":\"dropConnection\",\"reset\":true}}");
        assertThatThrownBy(() -> http.send("GET", get, null)).hasRootCauseInstanceOf(java.io.IOException.class);
        deleteRule(rule.path("id").asText());
        assertThat(http.send("GET", get, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aFailedOutcomeTurnsTheActionIntoItsFailureEventWithTheChosenCodes() {
        String target = person();
        addRule("{\"match\":{\"operation\":\"CreateCall\",\"target\":\"" + target + "\"},\"fault\":{\"type\":"
                + "\"failOutcome\",\"code\":480,\"subCode\":10077,\"message\":\"Target is offline.\"}}");
        String path = newCallbackPath();
        createCallRaw("2026-03-12", target, path);
        assertThat(receiver.awaitEventTypes(path, t -> t.size() >= 2))
                .containsExactly("CreateCallFailed", "CallDisconnected");
        assertThat(List.of(resultOf(path, 0).path("code").asInt(), resultOf(path, 0).path("subCode").asInt()))
                .containsExactly(480, 10077);
    }

    @Test
    void eventsCanBeDroppedDuplicatedAndDelayed() {
        String dropPath = newCallbackPath();
        String dropped = createCallRaw("2026-03-12", person(), dropPath).path("callConnectionId").asText();
        String duplicatedPath = newCallbackPath();
        JsonNode duplicated = createCallRaw("2026-03-12", person(), duplicatedPath);
        receiver.awaitEventTypes(dropPath, t -> t.contains("ParticipantsUpdated"));
        receiver.awaitEventTypes(duplicatedPath, t -> t.contains("ParticipantsUpdated"));

        addRule("{\"match\":{\"eventType\":\"CallDisconnected\",\"callConnectionId\":\"" + dropped + "\"},"
                + "\"fault\":{\"type\":\"dropEvent\"}}");
        addRule("{\"match\":{\"eventType\":\"CallDisconnected\",\"callConnectionId\":\""
                + duplicated.path("callConnectionId").asText() + "\"},\"fault\":{\"type\":\"duplicateEvent\"}}");
        http.send("DELETE", "/calling/callConnections/" + dropped + "?api-version=2026-03-12", null);
        http.send("DELETE", "/calling/callConnections/" + duplicated.path("callConnectionId").asText()
                + "?api-version=2026-03-12", null);
        List<String> types = receiver.awaitEventTypes(duplicatedPath,
                t -> t.stream().filter("CallDisconnected"::equals).count() == 2);
        assertThat(types).endsWith("CallDisconnected", "CallDisconnected");
        List<WebhookId> ids = receiver.received(duplicatedPath).stream()
                .map(post -> new WebhookId(post.json().get(0).path("id").asText())).toList();
        assertThat(ids.get(ids.size() - 1)).isEqualTo(ids.get(ids.size() - 2));
        List<String> bodies = receiver.received(duplicatedPath).stream().map(post -> post.body()).toList();
        assertThat(bodies.get(bodies.size() - 1)).as("a duplicate is the same bytes, time included")
                .isEqualTo(bodies.get(bodies.size() - 2));
        assertThat(receiver.eventTypes(dropPath)).doesNotContain("CallDisconnected");
        String droppedCall = control.callOfConnection(dropped).path("serverCallId").asText();
        JsonNode droppedAttempt = null;
        for (JsonNode attempt : control.deliveries(droppedCall).path("attempts")) {
            if (attempt.path("eventType").asText().equals("CallDisconnected")) {
                droppedAttempt = attempt;
            }
        }
        assertThat(droppedAttempt).as("the dropped CallDisconnected in /deliveries").isNotNull();
        assertThat(droppedAttempt.path("attempt").asInt()).isZero();
        assertThat(droppedAttempt.path("outcome").asText()).isEqualTo("dropped");
        assertThat(control.call(droppedCall).path("journal").findValuesAsText("detail"))
                .anySatisfy(line -> assertThat(line).startsWith("DropEvent on CallDisconnected for connection"));
        String duplicatedCall = duplicated.path("serverCallId").asText();
        assertThat(control.call(duplicatedCall).path("journal").findValuesAsText("detail"))
                .anySatisfy(line -> assertThat(line).startsWith("DuplicateEvent on CallDisconnected"));

        String target = person();
        String delayedPath = newCallbackPath();
        addRule("{\"match\":{\"eventType\":\"CallConnected\"},\"count\":1,\"fault\":{\"type\":\"delayEvent\","
                + "\"delay\":{\"fixed\":300}}}");
        createCallRaw("2026-03-12", target, delayedPath);
        assertThat(receiver.awaitEventTypes(delayedPath, t -> t.size() >= 2))
                .containsExactly("ParticipantsUpdated", "CallConnected");
    }

    private record WebhookId(String id) { }

    @Test
    void anEventRulesTargetNarrowsItToEventsAboutThatIdentity() {
        PersonCall call = connectedCallToPersonAt("2026-03-12");
        String spared = person();
        String struck = person();
        addRule("{\"match\":{\"eventType\":\"AddParticipantSucceeded\",\"target\":\"" + struck + "\"},"
                + "\"fault\":{\"type\":\"dropEvent\"}}");
        String add = "/calling/callConnections/" + call.callConnectionId() + "/participants:add?api-version=2026-03-12";
        http.send("POST", add, "{\"participantToAdd\":{\"rawId\":\"" + struck + "\"},\"operationContext\":\"struck\"}");
        receiver.awaitEventTypes(call.callbackPath(), t -> t.stream().filter("ParticipantsUpdated"::equals).count() >= 2);
        http.send("POST", add, "{\"participantToAdd\":{\"rawId\":\"" + spared + "\"},\"operationContext\":\"spared\"}");
        receiver.awaitEventTypes(call.callbackPath(), t -> t.contains("AddParticipantSucceeded"));
        List<String> contexts = receiver.received(call.callbackPath()).stream().map(post -> post.json().get(0))
                .filter(event -> event.path("type").asText().endsWith("AddParticipantSucceeded"))
                .map(event -> event.path("data").path("operationContext").asText()).toList();
        assertThat(contexts).containsExactly("spared");
    }

    @Test
    void anOutcomeRulesCallConnectionIdNarrowsItToTheActionsOfThatConnection() {
        PersonCall struck = connectedCallToPersonAt("2026-03-12");
        PersonCall spared = connectedCallToPersonAt("2026-03-12");
        addRule("{\"match\":{\"operation\":\"CallConnection_TransferToParticipant\",\"callConnectionId\":\""
                + struck.callConnectionId() + "\"},\"fault\":{\"type\":\"failOutcome\",\"code\":486,"
                + "\"subCode\":560486,\"message\":\"Busy here.\"}}");
        for (PersonCall call : List.of(spared, struck)) {
            http.send("POST", "/calling/callConnections/" + call.callConnectionId()
                    + ":transferToParticipant?api-version=2026-03-12", "{\"targetParticipant\":{\"rawId\":\""
                    + person() + "\"}}");
        }
        assertThat(receiver.awaitEventTypes(spared.callbackPath(), t -> t.contains("CallTransferAccepted")))
                .doesNotContain("CallTransferFailed");
        List<String> types = receiver.awaitEventTypes(struck.callbackPath(), t -> t.contains("CallTransferFailed"));
        assertThat(resultOf(struck.callbackPath(), types.indexOf("CallTransferFailed")).path("subCode").asInt())
                .isEqualTo(560486);
    }

    @Test
    void aMatchFieldThatCannotNarrowTheFaultIsRefusedSayingWhy() {
        HttpResponse<String> eventTypeOnARequest = http.send("POST", "/admin/faults", "{\"match\":{\"eventType\":"
                + "\"CallConnected\"},\"fault\":{\"type\":\"httpError\",\"status\":503,\"code\":\"X\"}}");
        assertThat(eventTypeOnARequest.statusCode()).isEqualTo(400);
        assertThat(json(eventTypeOnARequest).path("error").path("message").asText())
                .contains("match.eventType cannot narrow a httpError fault");
        HttpResponse<String> operationOnAnEvent = http.send("POST", "/admin/faults", "{\"match\":{\"operation\":"
                + "\"CreateCall\"},\"fault\":{\"type\":\"dropEvent\"}}");
        assertThat(operationOnAnEvent.statusCode()).isEqualTo(400);
        assertThat(json(operationOnAnEvent).path("error").path("message").asText())
                .contains("match.operation cannot narrow a dropEvent fault");
    }

    @Test
    void badFaultRulesAreRefused() {
        HttpResponse<String> response = http.send("POST", "/admin/faults",
                "{\"fault\":{\"type\":\"explode\"}}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("BadRequest");
        assertThat(http.send("POST", "/admin/faults", "{\"probability\":2,\"fault\":{\"type\":\"dropEvent\"}}")
                .statusCode()).isEqualTo(400);
        assertThat(http.send("DELETE", "/admin/faults/" + UUID.randomUUID(), null).statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> EmulatorUnderTest.emulator().control().call("none"))
                .isInstanceOf(ControlApiException.class);
    }

    @Test
    void aFailedCallbackPostIsRetriedAndASlowOneArrivesLate() {
        String path = newCallbackPath();
        addRule("{\"count\":2,\"match\":{\"eventType\":\"CallConnected\"},\"fault\":{\"type\":\"failDelivery\","
                + "\"status\":503}}");
        JsonNode created = createCallRaw("2026-03-12", person(), path);
        List<String> types = receiver.awaitEventTypes(path, t -> t.contains("ParticipantsUpdated"));
        assertThat(types).containsExactly("CallConnected", "ParticipantsUpdated");
        String serverCallId = created.path("serverCallId").asText();
        assertThat(EmulatorUnderTest.emulator().deliveryJournal().forCall(serverCallId))
                .extracting(attempt -> attempt.eventType() + ":" + attempt.outcome().wireName())
                .startsWith("CallConnected:retrying", "CallConnected:retrying", "CallConnected:delivered");
        assertThat(control.call(serverCallId).path("journal").findValuesAsText("detail"))
                .filteredOn(line -> line.startsWith("FailDelivery on CallConnected")).hasSize(2);

        String slowPath = newCallbackPath();
        addRule("{\"count\":1,\"match\":{\"eventType\":\"CallConnected\"},\"fault\":{\"type\":\"slowDelivery\","
                + "\"delay\":{\"fixed\":500}}}");
        long started = System.nanoTime();
        createCallRaw("2026-03-12", person(), slowPath);
        receiver.awaitEventTypes(slowPath, t -> t.contains("CallConnected"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
    }

    @Test
    void reorderingHoldsAConnectionsEventsForTheWindowAndDeliversThemAll() {
        String path = newCallbackPath();
        addRule("{\"count\":1,\"match\":{\"eventType\":\"CallConnected\"},\"fault\":{\"type\":\"reorderEvents\","
                + "\"windowMillis\":300}}");
        long started = System.nanoTime();
        createCallRaw("2026-03-12", person(), path);
        List<String> types = receiver.awaitEventTypes(path, t -> t.size() >= 2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(types).containsExactlyInAnyOrder("CallConnected", "ParticipantsUpdated");
        assertThat(faultList().path("applied").findValuesAsText("fault").toString()).contains("ReorderEvents");
    }
}
