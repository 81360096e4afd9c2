package dev.acsemulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The identity a request targets comes from the fields its route declares, nowhere else. */
class RouteTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Operation NONE = request -> null;

    @Test
    void theTargetIsTheRawIdOfTheDeclaredField() throws Exception {
        Route add = Route.post("/calling/callConnections/{callConnectionId}/participants:add",
                "CallConnection_AddParticipant", 202, NONE).withTarget("participantToAdd");

        assertThat(add.targetRawId(body("{\"participantToAdd\":{\"rawId\":\"4:+14255550123\"},"
                + "\"target\":{\"rawId\":\"8:acs:other\"}}"))).isEqualTo("4:+14255550123");
    }

    @Test
    void anArrayFieldTargetsItsFirstIdentity() throws Exception {
        Route create = Route.post("/calling/callConnections", "CreateCall", 201, NONE).withTarget("targets");

        assertThat(create.targetRawId(body("{\"targets\":[{\"rawId\":\"8:acs:a\"},{\"rawId\":\"8:acs:b\"}]}")))
                .isEqualTo("8:acs:a");
    }

    @Test
    void aFieldTheRouteDoesNotDeclareIsNoTarget() throws Exception {
        Route reject = Route.post("/calling/callConnections:reject", "RejectCall", 204, NONE);

        assertThat(reject.targetRawId(body("{\"target\":{\"rawId\":\"8:acs:a\"}}"))).isNull();
    }

    @Test
    void aBodyWithoutTheFieldOrWithoutARawIdHasNoTarget() throws Exception {
        Route redirect = Route.post("/calling/callConnections:redirect", "RedirectCall", 204, NONE)
                .withTarget("target");

        assertThat(redirect.targetRawId(body("{\"incomingCallContext\":\"x\"}"))).isNull();
        assertThat(redirect.targetRawId(body("{\"target\":{\"kind\":\"phoneNumber\"}}"))).isNull();
        assertThat(redirect.targetRawId(MAPPER.nullNode())).isNull();
    }

    @Test
    void aRequestAsksForAnUnbuiltOptionWhenItGivesItAnyValueButNullOrFalse() throws Exception {
        Route answer = Route.post("/calling/callConnections:answer", "AnswerCall", 200, NONE)
                .withUnbuiltOptions("mediaStreamingOptions", "enableLoopbackAudio");

        assertThat(answer.askedUnbuiltOption(body("{\"mediaStreamingOptions\":{\"startMediaStreaming\":false}}")))
                .isEqualTo("mediaStreamingOptions");
        assertThat(answer.askedUnbuiltOption(body("{\"enableLoopbackAudio\":true}"))).isEqualTo("enableLoopbackAudio");
        assertThat(answer.askedUnbuiltOption(body("{\"mediaStreamingOptions\":null,\"enableLoopbackAudio\":false,"
                + "\"callIntelligenceOptions\":{}}"))).isNull();
        assertThat(answer.askedUnbuiltOption(MAPPER.nullNode())).isNull();
    }

    @Test
    void aRouteWithoutUnbuiltOptionsRefusesNothing() throws Exception {
        Route reject = Route.post("/calling/callConnections:reject", "RejectCall", 204, NONE);

        assertThat(reject.askedUnbuiltOption(body("{\"mediaStreamingOptions\":{}}"))).isNull();
    }

    private static JsonNode body(String json) throws Exception {
        return MAPPER.readTree(json);
    }
}
