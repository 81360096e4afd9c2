package dev.acsemulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.api.ApiException;
import dev.acsemulator.api.Operation;
import dev.acsemulator.api.Route;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A rule's target matches the identity in the request body fields the operation's route declares, and only those. */
class OperationFaultsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MUTE_PATH = "/calling/callConnections/{callConnectionId}/participants:mute";
    private static final Operation SUCCEEDS = request -> CompletableFuture.completedFuture(Operation.Result.empty());

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final FaultRules rules = new FaultRules(new Random(1), Clock.systemUTC());
    private final OperationFaults faults = new OperationFaults(rules, scheduler);

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void aRuleForATargetStrikesTheOperationWhoseDeclaredFieldNamesIt() throws Exception {
        rules.add(serviceUnavailableFor("8:acs:r_bob"));
        Route mute = Route.post(MUTE_PATH, "CallConnection_Mute", 200, SUCCEEDS).withTarget("targetParticipants");

        Operation.Request toBob = request("{\"targetParticipants\":[{\"rawId\":\"8:acs:r_bob\"}]}");

        assertThatThrownBy(() -> faults.decorate(mute).handle(toBob))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void aRuleForATargetSparesAnotherTarget() throws Exception {
        rules.add(serviceUnavailableFor("8:acs:r_bob"));
        Route mute = Route.post(MUTE_PATH, "CallConnection_Mute", 200, SUCCEEDS).withTarget("targetParticipants");

        assertThat(faults.decorate(mute).handle(request("{\"targetParticipants\":[{\"rawId\":\"8:acs:r_carol\"}]}"))
                .toCompletableFuture().join()).isEqualTo(Operation.Result.empty());
    }

    @Test
    void anIdentityInAFieldTheRouteDoesNotDeclareIsNoTarget() throws Exception {
        rules.add(serviceUnavailableFor("8:acs:r_bob"));
        Route mute = Route.post(MUTE_PATH, "CallConnection_Mute", 200, SUCCEEDS);

        assertThat(faults.decorate(mute).handle(request("{\"targetParticipants\":[{\"rawId\":\"8:acs:r_bob\"}]}"))
                .toCompletableFuture().join()).isEqualTo(Operation.Result.empty());
    }

    private static FaultRule serviceUnavailableFor(String target) {
        return new FaultRule("rule-1", new FaultMatch("CallConnection_Mute", null, null, null, target),
                new Fault.HttpError(503, "ServiceUnavailable", "try later", null), null, 1.0);
    }

    private static Operation.Request request(String body) throws Exception {
        JsonNode json = MAPPER.readTree(body);
        return new Operation.Request(null, Map.of("callConnectionId", "c-1"), json);
    }
}
