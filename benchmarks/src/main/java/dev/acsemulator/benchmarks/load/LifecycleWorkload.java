package dev.acsemulator.benchmarks.load;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Each unit is one whole call: CreateCall → CallConnected and ParticipantsUpdated at the webhook → each media step in
 * order, its request then its outcome at the webhook (none in the plain lifecycle) → HangUp → CallDisconnected at the
 * webhook. A call completes when its CallDisconnected arrives. With {@code hangUp} false the call is left connected
 * once its two events arrived (the held-calls scenario), and completes then. A media step's outcome is counted as a
 * delivered event but not timed as action-to-event latency: it comes after the media's own length.
 */
final class LifecycleWorkload extends Workload implements WebhookReceiver.Listener {

    private static final byte[] ID_MARKER = "\"callConnectionId\":\"".getBytes(StandardCharsets.US_ASCII);

    private final LoadClient client;
    private final RequestSigner signer;
    private final String callbackBase;
    private final String apiVersion;
    private final boolean hangUp;
    private final Consumer<String> connectedIds;
    private final List<MediaStep> media;
    /** The reserved behaviour the media steps need of the person called ({@link MediaStep#calleeSuffix()}). */
    private final String calleeSuffix;
    private long shortestCallNanos = Long.MAX_VALUE;
    /** Whether each call also records, stops and downloads its recording before the hang-up ({@link RecordingRound}). */
    private boolean recording;
    private final long base;
    private final Map<Long, Call> calls = new HashMap<>();

    LifecycleWorkload(LoadClient client, RequestSigner signer, String callbackBase, String apiVersion, boolean hangUp,
                      Consumer<String> connectedIds, List<MediaStep> media, long base) {
        this.media = List.copyOf(media);
        this.calleeSuffix = media.stream().map(MediaStep::calleeSuffix).filter(suffix -> !suffix.isEmpty())
                .findFirst().orElse("");
        this.base = base;
        this.client = client;
        this.signer = signer;
        this.callbackBase = callbackBase;
        this.apiVersion = apiVersion;
        this.hangUp = hangUp;
        this.connectedIds = connectedIds;
    }

    private final class Call {
        final long index;
        final long createIntended;
        String callConnectionId;
        boolean connected;
        boolean participantsUpdated;
        int mediaDone;
        boolean mediaInFlight;
        RecordingRound recording;
        long hangUpIntended;
        boolean hungUp;
        boolean disconnected;
        boolean done;

        Call(long index, long createIntended) {
            this.index = index;
            this.createIntended = createIntended;
        }
    }

    /** Each call records a moment after its media steps, stops, and downloads the file before it hangs up. */
    LifecycleWorkload withRecording() {
        recording = true;
        return this;
    }

    static byte[] createCallBody(String callbackUri, long index) {
        return createCallBody(callbackUri, callee(index, ""));
    }

    /** The ACS user call {@code index} rings: a simulated person, with {@code suffix} naming a reserved behaviour. */
    static String callee(long index, String suffix) {
        return "8:acs:0a5e0000-ca11-4a7e-8000-000000000001_" + String.format("%08d-0000-4000-8000-%012d",
                index % 100_000_000L, index) + suffix;
    }

    private static byte[] createCallBody(String callbackUri, String callee) {
        return ("{\"targets\":[{\"rawId\":\"" + callee + "\",\"communicationUser\":{\"id\":\"" + callee + "\"}}],"
                + "\"callbackUri\":\"" + callbackUri + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    void start(long unit, long intendedNanos) {
        started++;
        long index = base + unit;
        Call call = new Call(index, intendedNanos);
        calls.put(index, call);
        byte[] body = createCallBody(callbackBase + index, callee(index, calleeSuffix));
        client.submit(new LoadClient.Exchange() {
            @Override
            public byte[] encode() {
                return signer.post("/calling/callConnections?api-version=" + apiVersion, body);
            }

            @Override
            public void completed(int status, ByteBuf response, long nowNanos) {
                record(rest, nowNanos - intendedNanos);
                if (status != 201) {
                    fail(call, "CreateCall HTTP " + status + ": " + response.toString(StandardCharsets.UTF_8),
                            nowNanos);
                    return;
                }
                call.callConnectionId = callConnectionId(response);
                eventsExpected += hangUp ? 3 + media.size() + (recording ? RecordingRound.EVENTS : 0) : 2;
                advance(call, nowNanos);
            }

            @Override
            public void failed(Throwable cause, long nowNanos) {
                fail(call, "CreateCall " + cause, nowNanos);
            }
        });
    }

    @Override
    public void event(long callIndex, WebhookReceiver.EventType type, boolean hasBearerToken, long nowNanos) {
        Call call = calls.get(callIndex);
        if (call == null) {
            return;
        }
        eventsDelivered++;
        if (!hasBearerToken) {
            eventsWithoutBearer++;
        }
        switch (type) {
            case CALL_CONNECTED -> {
                call.connected = true;
                record(events, nowNanos - call.createIntended);
            }
            case PARTICIPANTS_UPDATED -> {
                if (!call.participantsUpdated) {
                    record(events, nowNanos - call.createIntended);
                }
                call.participantsUpdated = true;
            }
            case RECORDING_STATE_CHANGED -> {
                if (call.recording == null) {
                    error("RecordingStateChanged without a recording, call " + callIndex, nowNanos);
                    return;
                }
                call.recording.stateChanged(nowNanos);
            }
            case CALL_DISCONNECTED -> {
                call.disconnected = true;
                if (call.hangUpIntended != 0) {
                    record(events, nowNanos - call.hangUpIntended);
                }
            }
            default -> {
                if (!mediaOutcome(call, type, nowNanos)) {
                    error("unexpected event " + type + " for call " + callIndex, nowNanos);
                    return;
                }
            }
        }
        advance(call, nowNanos);
    }

    private void advance(Call call, long nowNanos) {
        if (call.done || call.callConnectionId == null || !call.connected || !call.participantsUpdated) {
            return;
        }
        if (!hangUp) {
            finish(call, nowNanos);
            connectedIds.accept(call.callConnectionId);
            return;
        }
        if (call.mediaDone < media.size()) {
            if (!call.mediaInFlight) {
                sendMedia(call, media.get(call.mediaDone));
            }
            return;
        }
        if (recording && call.recording == null) {
            call.recording = new RecordingRound(client, signer, call.callConnectionId, callbackBase + call.index,
                    new RecordingRound.Outcome() {
                        @Override
                        public void rest(long nanos) {
                            record(rest, nanos);
                        }

                        @Override
                        public void done(long now) {
                            advance(call, now);
                        }

                        @Override
                        public void failed(String description, long now) {
                            fail(call, description, now);
                        }
                    });
            call.recording.start();
            return;
        }
        if (recording && !call.recording.done()) {
            return;
        }
        if (call.hangUpIntended == 0) {
            call.hangUpIntended = nowNanos;
            String target = "/calling/callConnections/" + call.callConnectionId + "?api-version=" + apiVersion;
            client.submit(new LoadClient.Exchange() {
                @Override
                public byte[] encode() {
                    return signer.bodiless("DELETE", target);
                }

                @Override
                public void completed(int status, ByteBuf response, long now) {
                    record(rest, now - call.hangUpIntended);
                    if (status != 204) {
                        fail(call, "HangUp HTTP " + status + ": " + response.toString(StandardCharsets.UTF_8), now);
                        return;
                    }
                    call.hungUp = true;
                    advance(call, now);
                }

                @Override
                public void failed(Throwable cause, long now) {
                    fail(call, "HangUp " + cause, now);
                }
            });
            return;
        }
        if (call.hungUp && call.disconnected) {
            finish(call, nowNanos);
        }
    }

    private void sendMedia(Call call, MediaStep step) {
        call.mediaInFlight = true;
        long intended = System.nanoTime();
        String target = "/calling/callConnections/" + call.callConnectionId + step.action() + "?api-version="
                + apiVersion;
        client.submit(new LoadClient.Exchange() {
            @Override
            public byte[] encode() {
                return signer.post(target, step.body().apply(callee(call.index, calleeSuffix)));
            }

            @Override
            public void completed(int status, ByteBuf response, long now) {
                record(rest, now - intended);
                if (status != 202) {
                    fail(call, step.name() + " HTTP " + status + ": " + response.toString(StandardCharsets.UTF_8), now);
                }
            }

            @Override
            public void failed(Throwable cause, long now) {
                fail(call, step.name() + " " + cause, now);
            }
        });
    }

    /** Whether {@code type} is the outcome of the call's media step in flight; a failure fails the call. */
    private boolean mediaOutcome(Call call, WebhookReceiver.EventType type, long nowNanos) {
        if (!call.mediaInFlight) {
            return false;
        }
        MediaStep step = media.get(call.mediaDone);
        if (type == step.failure()) {
            fail(call, step.name() + " failed for call " + call.index, nowNanos);
            return true;
        }
        if (type != step.completion()) {
            return false;
        }
        call.mediaInFlight = false;
        call.mediaDone++;
        return true;
    }

    /**
     * With media steps or a recording: the shortest call, from its intended CreateCall to its end, is the media's own
     * length (the recording bot's joining, 0.5 s, for a recording).
     */
    @Override
    long inherentNanos() {
        return media.isEmpty() && !recording || shortestCallNanos == Long.MAX_VALUE ? 0 : shortestCallNanos;
    }

    private void finish(Call call, long nowNanos) {
        shortestCallNanos = Math.min(shortestCallNanos, nowNanos - call.createIntended);
        call.done = true;
        calls.remove(call.index);
        completedOne(nowNanos);
    }

    private void fail(Call call, String description, long nowNanos) {
        if (!call.done) {
            call.done = true;
            calls.remove(call.index);
            error(description, nowNanos);
        }
    }

    /** Calls started but neither completed nor failed. */
    int unfinished() {
        return calls.size();
    }

    /** The callConnectionId in a CreateCall answer, found without parsing the JSON. */
    static String callConnectionId(ByteBuf body) {
        String text = body.toString(StandardCharsets.UTF_8);
        int at = text.indexOf(new String(ID_MARKER, StandardCharsets.US_ASCII));
        if (at < 0) {
            return null;
        }
        int start = at + ID_MARKER.length;
        return text.substring(start, text.indexOf('"', start));
    }
}
