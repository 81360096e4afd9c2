package dev.acsemulator.benchmarks.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One call that grows to {@code participants} and ends, driven beside the steady load of other calls: CreateCall to
 * one person → once CallConnected arrives, AddParticipant for each further person at {@code addRate} per second,
 * open loop (each person answers at once, and each answer publishes the whole roster: a ParticipantsUpdated to the
 * call's connection) → once every add has succeeded, TerminateCall (hang up for everyone) → CallDisconnected, which
 * ends it. The application's connection is one of the call's participants, so {@code participants} − 2 are added.
 * Every callback of the call is counted with its body bytes; everything runs on the load generator's event loop.
 * Callbacks for other calls go to {@code others}.
 */
final class BigCall implements WebhookReceiver.Listener {

    private final EventLoop loop;
    private final LoadClient client;
    private final RequestSigner signer;
    private final String apiVersion;
    private final long index;
    private final int participants;
    private final double addRate;
    private final WebhookReceiver.Listener others;
    private final String callbackUri;

    private String callConnectionId;
    private long startedNanos;
    private long connectedNanos;
    private long lastAddAnsweredNanos;
    private long disconnectedNanos;
    private int addsSent;
    private int addsSucceeded;
    private long events;
    private long rosterEvents;
    private long bytes;
    private long largestBody;
    private boolean terminating;
    private String firstError;
    private ScheduledFuture<?> adder;

    BigCall(EventLoop loop, LoadClient client, RequestSigner signer, String callbackBase, String apiVersion,
            long index, int participants, double addRate, WebhookReceiver.Listener others) {
        this.loop = loop;
        this.client = client;
        this.signer = signer;
        this.apiVersion = apiVersion;
        this.index = index;
        this.participants = participants;
        this.addRate = addRate;
        this.others = others;
        this.callbackUri = callbackBase + index;
    }

    /** The people added after the first: the application and the first callee are the other two participants. */
    int adds() {
        return participants - 2;
    }

    /** Sends the CreateCall. Call on the loop. */
    void start() {
        startedNanos = System.nanoTime();
        byte[] body = LifecycleWorkload.createCallBody(callbackUri, index);
        client.submit(exchange(() -> signer.post("/calling/callConnections?api-version=" + apiVersion, body), 201,
                "CreateCall", response -> callConnectionId = LifecycleWorkload.callConnectionId(response)));
    }

    @Override
    public void bytes(long callIndex, int bodyBytes) {
        if (callIndex != index) {
            others.bytes(callIndex, bodyBytes);
            return;
        }
        bytes += bodyBytes;
        largestBody = Math.max(largestBody, bodyBytes);
    }

    @Override
    public void event(long callIndex, WebhookReceiver.EventType type, boolean hasBearerToken, long nowNanos) {
        if (callIndex != index) {
            others.event(callIndex, type, hasBearerToken, nowNanos);
            return;
        }
        events++;
        switch (type) {
            case CALL_CONNECTED -> {
                connectedNanos = nowNanos;
                startAdding();
            }
            case PARTICIPANTS_UPDATED -> rosterEvents++;
            case ADD_PARTICIPANT_SUCCEEDED -> {
                addsSucceeded++;
                lastAddAnsweredNanos = nowNanos;
                if (addsSucceeded == adds()) {
                    terminate();
                }
            }
            case CALL_DISCONNECTED -> disconnectedNanos = nowNanos;
            case ADD_PARTICIPANT_FAILED -> fail("AddParticipantFailed");
            default -> fail("unexpected event " + type);
        }
    }

    private void startAdding() {
        if (callConnectionId == null) {
            fail("CallConnected before the CreateCall's answer");
            return;
        }
        long begun = System.nanoTime();
        adder = loop.scheduleAtFixedRate(() -> {
            long due = Math.min(adds(), (long) ((System.nanoTime() - begun) * addRate / 1e9) + 1);
            while (addsSent < due) {
                add(index + 1 + addsSent++);
            }
            if (addsSent >= adds()) {
                adder.cancel(false);
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
    }

    private void add(long personIndex) {
        String callee = LifecycleWorkload.callee(personIndex, "");
        byte[] body = ("{\"participantToAdd\":{\"rawId\":\"" + callee + "\",\"communicationUser\":{\"id\":\""
                + callee + "\"}}}").getBytes(StandardCharsets.UTF_8);
        String target = "/calling/callConnections/" + callConnectionId + "/participants:add?api-version=" + apiVersion;
        client.submit(exchange(() -> signer.post(target, body), 202, "AddParticipant", response -> { }));
    }

    private void terminate() {
        if (terminating) {
            return;
        }
        terminating = true;
        String target = "/calling/callConnections/" + callConnectionId + ":terminate?api-version=" + apiVersion;
        client.submit(exchange(() -> signer.post(target, new byte[0]), 204, "TerminateCall", response -> { }));
    }

    private LoadClient.Exchange exchange(java.util.function.Supplier<byte[]> request, int expected, String name,
                                         java.util.function.Consumer<ByteBuf> answered) {
        return new LoadClient.Exchange() {
            @Override
            public byte[] encode() {
                return request.get();
            }

            @Override
            public void completed(int status, ByteBuf response, long nowNanos) {
                if (status != expected) {
                    fail(name + " HTTP " + status + ": " + response.toString(StandardCharsets.UTF_8));
                    return;
                }
                answered.accept(response);
            }

            @Override
            public void failed(Throwable cause, long nowNanos) {
                fail(name + " " + cause);
            }
        };
    }

    private void fail(String description) {
        if (firstError == null) {
            firstError = description;
        }
        if (adder != null) {
            adder.cancel(false);
        }
    }

    /** Whether the call ended (its CallDisconnected arrived) or failed. Call on the loop. */
    boolean finished() {
        return disconnectedNanos != 0 || firstError != null;
    }

    /** What was seen of the call, for the report. Call on the loop. */
    BigCallResult result(StepResult othersStep, StepResult othersBefore) {
        double seconds = disconnectedNanos == 0 ? -1 : (disconnectedNanos - startedNanos) / 1e9;
        return new BigCallResult(participants, addRate, addsSucceeded, events, rosterEvents, bytes, largestBody,
                connectedNanos == 0 ? -1 : (connectedNanos - startedNanos) / 1e9,
                lastAddAnsweredNanos == 0 ? -1 : (lastAddAnsweredNanos - startedNanos) / 1e9, seconds,
                seconds <= 0 ? -1 : events / seconds, seconds <= 0 ? -1 : bytes / seconds / (1 << 20),
                disconnectedNanos != 0 && firstError == null && addsSucceeded == adds(), firstError, othersBefore,
                othersStep);
    }

    /**
     * One round: the other calls' REST latency in a window without the big call ({@code quiet}) and in the window
     * the big call ran in ({@code withBigCall}), and the big call's events: how many, their bytes, how fast they came.
     */
    record BigCallResult(int participants, double addRate, int addsSucceeded, long events, long rosterEvents,
                         long bytes, long largestBodyBytes, double connectedAfterSeconds,
                         double lastAddSucceededAfterSeconds, double endedAfterSeconds, double eventsPerSecond,
                         double mibPerSecond, boolean complete, String firstError, StepResult quiet,
                         StepResult withBigCall) {
    }
}
