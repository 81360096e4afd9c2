package dev.acsemulator.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.runtime.IdSource;
import dev.acsemulator.runtime.Lanes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The call domain with real parts: lanes, a seeded id source, the registry and the three services, a recording sink
 * and scripted people. One application identity places every call.
 */
final class CallWorld implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final String RESOURCE_ID = "0a5e0000-ca11-4a7e-8000-000000000001";
    static final String CALLBACK = "https://app.example/api/callbacks";
    static final String API_VERSION = "2026-03-12";
    static final Identifier APP = Identifier.communicationUser("8:acs:" + RESOURCE_ID + "_app");
    static final Identifier ALICE = Identifier.communicationUser("8:acs:" + RESOURCE_ID + "_alice");
    static final Identifier BOB = Identifier.communicationUser("8:acs:" + RESOURCE_ID + "_bob");
    static final Identifier CAROL = Identifier.communicationUser("8:acs:" + RESOURCE_ID + "_carol");
    static final Identifier PHONE = Identifier.phoneNumber("+14255550123");

    final Lanes lanes = new Lanes(2);
    final CallRegistry registry = new CallRegistry();
    final RecordingEventSink events = new RecordingEventSink();
    final ScriptedPeople people = new ScriptedPeople(registry);
    final CallService calls;
    final ParticipantService participants;
    final TransferService transfers;

    CallWorld(Duration ringTimeout) {
        this(ringTimeout, Duration.ofMinutes(10));
    }

    CallWorld(Duration ringTimeout, Duration endedCallRetention) {
        this(ringTimeout, endedCallRetention, Integer.MAX_VALUE);
    }

    CallWorld(Duration ringTimeout, Duration endedCallRetention, int endedCallsRemembered) {
        this(ringTimeout, endedCallRetention, endedCallsRemembered,
                Clock.fixed(Instant.parse("2026-11-22T00:33:38Z"), ZoneOffset.UTC));
    }

    /** A world whose calls read {@code clock}, so their audio lines up with media and recordings on the same one. */
    CallWorld(Clock clock) {
        this(Duration.ofSeconds(30), Duration.ofMinutes(10), Integer.MAX_VALUE, clock);
    }

    CallWorld(Duration ringTimeout, Duration endedCallRetention, int endedCallsRemembered, Clock clock) {
        calls = new CallService(registry, lanes, new IdSource(20261122L), clock, events, people,
                new CallSettings(RESOURCE_ID, ringTimeout, Duration.ofSeconds(180), endedCallRetention,
                        endedCallsRemembered));
        participants = new ParticipantService(calls);
        transfers = new TransferService(calls);
    }

    CallWorld() {
        this(Duration.ofSeconds(30));
    }

    /** CreateCall from {@link #APP} to the targets; answers the new connection's snapshot. */
    CallConnectionSnapshot createCall(Identifier... targets) {
        return createCall(null, targets);
    }

    /** CreateCall linking an Azure AI services resource ({@code callIntelligenceOptions}), or none when null. */
    CallConnectionSnapshot createCall(String cognitiveServicesEndpoint, Identifier... targets) {
        return done(calls.createCall(new Commands.CreateCall(List.of(targets), APP, null, null, CALLBACK,
                "ctx-create", API_VERSION, CustomHeaders.NONE, cognitiveServicesEndpoint)));
    }

    /** A 1:1 call to a person who answers, once its CallConnected and first ParticipantsUpdated arrived. */
    String connectedCallTo(Identifier target) {
        String id = createCall(target).callConnectionId();
        awaitTypes(id, "CallConnected", "ParticipantsUpdated");
        return id;
    }

    /** Waits until the connection's events are exactly these types, in this order. */
    void awaitTypes(String callConnectionId, String... types) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(5)).untilAsserted(() ->
                assertThat(events.typesOf(callConnectionId)).containsExactly(types));
    }

    /**
     * Lets the connection's call lane run everything queued on it so far, so a check that nothing more was emitted
     * is not made too early: a no-op queued behind it completes only when the lane reaches it.
     */
    void settle(String callConnectionId) {
        Call call = registry.connection(callConnectionId).orElseThrow(() -> new AssertionError(
                "No connection " + callConnectionId)).call();
        try {
            CallContext.onLane(call, () -> null).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("The call's lane did not drain within " + WAIT, e);
        }
    }

    List<CallEvent> eventsOf(String callConnectionId) {
        return events.of(callConnectionId);
    }

    static <T> T done(CompletableFuture<T> future) {
        try {
            return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError("The operation failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("The operation did not complete within " + WAIT, e);
        }
    }

    /** The domain error a refused operation completed with. */
    static CallError refusal(CompletableFuture<?> future) {
        try {
            future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CallActionException refused) {
                return refused.error();
            }
            throw new AssertionError("Failed with something other than a CallActionException", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (TimeoutException e) {
            throw new AssertionError("The operation did not complete within " + WAIT, e);
        }
        throw new AssertionError("The operation succeeded but was expected to be refused");
    }

    @Override
    public void close() {
        lanes.close();
    }
}
