package dev.acsemulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.Emulator;
import dev.acsemulator.admin.client.ControlApiException;
import dev.acsemulator.admin.client.ControlClient;
import dev.acsemulator.admin.client.HttpControlTransport;
import dev.acsemulator.config.EmulatorConfig;
import dev.acsemulator.conformance.support.EmulatorUnderTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The control API over HTTP: its error shape for bad input, token protection, runtime Event Grid subscriptions. */
class ControlApiAcceptanceTest extends ConformanceTest {

    private final ControlClient overHttp = new ControlClient(new HttpControlTransport(
            EmulatorUnderTest.emulator().httpsEndpoint(), EmulatorUnderTest.emulator().tls().clientSslContext(),
            null));

    private static void assertRefused(Runnable action, int status, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ControlApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    @Test
    void badControlRequestsAreClear4xxsInOneShape() {
        assertRefused(() -> overHttp.call("no-such-call"), 404, "NotFound");
        assertRefused(() -> overHttp.setBehaviour(person(), "{\"response\":\"sings\"}"), 400, "BadRequest");
        assertRefused(() -> overHttp.setBehaviour(person(), "{\"forwardTo\":\"8:acs:x\"}"), 400, "BadRequest");
        assertRefused(() -> overHttp.placeInboundCall("4:+14255550100", person(), null, Map.of(), Map.of()), 400,
                "BadRequest");
        PersonCall call = connectedCallToPerson();
        String serverCallId = overHttp.callOfConnection(call.callConnectionId()).path("serverCallId").asText();
        assertRefused(() -> overHttp.sendDtmf(serverCallId, call.person(), List.of("eleven")), 400, "BadRequest");
        assertRefused(() -> overHttp.hangUp(serverCallId, person()), 404, "NotFound");
        assertRefused(() -> overHttp.join(serverCallId, call.person()), 400, "BadRequest");
        assertRefused(() -> overHttp.unsubscribe("never-created"), 404, "NotFound");
        assertThat(overHttp.call(serverCallId).path("participants")).hasSize(2);
    }

    @Test
    void aRuntimeSubscriptionIsValidatedAndReceivesMatchingIncomingCalls() {
        String path = "/runtime-" + UUID.randomUUID();
        String to = RESOURCE_USER_PREFIX + "runtime-" + UUID.randomUUID();
        JsonNode created = overHttp.subscribe("runtime", receiver.url(path), List.of(to), List.of());
        assertThat(created.path("validated").asBoolean()).isTrue();
        assertThat(receiver.received(path).get(0).header("aeg-event-type")).isEqualTo("SubscriptionValidation");
        overHttp.placeInboundCall("4:+14255550196", to, null, Map.of(), Map.of());
        JsonNode incoming = receiver.awaitIncomingCall(path, 1);
        assertThat(incoming.path("data").path("to").path("rawId").asText()).isEqualTo(to);
        overHttp.unsubscribe("runtime");
        assertRefused(() -> overHttp.placeInboundCall("4:+14255550196", to, null, Map.of(), Map.of()), 400,
                "BadRequest");
    }

    @Test
    void aTokenProtectsTheControlApiWhenConfigured() {
        try (Emulator guarded = Emulator.start(EmulatorConfig.builder().httpsPort(0).httpPort(-1)
                .dataDir(EmulatorUnderTest.emulator().config().dataDir()).adminToken("s3cret").build())) {
            ControlClient anonymous = new ControlClient(new HttpControlTransport(guarded.httpsEndpoint(),
                    guarded.tls().clientSslContext(), null));
            ControlClient wrong = new ControlClient(new HttpControlTransport(guarded.httpsEndpoint(),
                    guarded.tls().clientSslContext(), "guess"));
            ControlClient authorized = new ControlClient(new HttpControlTransport(guarded.httpsEndpoint(),
                    guarded.tls().clientSslContext(), "s3cret"));
            assertRefused(anonymous::calls, 401, "Unauthorized");
            assertRefused(wrong::calls, 401, "Unauthorized");
            assertThat(authorized.calls().path("calls").isArray()).isTrue();
            assertThat(guarded.control().calls().path("calls").isArray()).isTrue();
        }
    }
}
