package dev.acsemulator.benchmarks.load;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The recording part of one call in the recording lifecycle, between CallConnected and the hang-up: StartRecording by
 * the call's connection id at api-version 2026-03-12 (its state callback is the call's) → RecordingStateChanged active → StopRecording →
 * RecordingStateChanged inactive → GetRecordingResult (2025-08-15-preview; answered 404 until the file is written,
 * then asked again 5 ms later) → a signed GET of the content location, which must be a WAV. Each request's time goes
 * to the REST histogram; the round ends with {@code done}, or fails its call with a description.
 */
final class RecordingRound {

    /** The four events the round adds to a call: two RecordingStateChanged, the bot's joining and leaving rosters. */
    static final int EVENTS = 4;
    /** StartRecording by callConnectionId needs an api-version that has it (not the benchmark's older default). */
    private static final String API_VERSION = "2026-03-12";
    private static final String RESULT_API_VERSION = "2025-08-15-preview";
    private static final int RESULT_ATTEMPTS = 400;

    private enum Stage { STARTING, AWAITING_ACTIVE, STOPPING, AWAITING_INACTIVE, FETCHING, DONE }

    /** What the round reports to its call. */
    interface Outcome {
        void rest(long nanos);

        void done(long nowNanos);

        void failed(String description, long nowNanos);
    }

    private final LoadClient client;
    private final RequestSigner signer;
    private final String callConnectionId;
    private final String callback;
    private final Outcome outcome;
    private Stage stage = Stage.STARTING;
    private String recordingId;
    private int resultAttempts;

    RecordingRound(LoadClient client, RequestSigner signer, String callConnectionId, String callback,
                   Outcome outcome) {
        this.client = client;
        this.signer = signer;
        this.callConnectionId = callConnectionId;
        this.callback = callback;
        this.outcome = outcome;
    }

    void start() {
        byte[] body = ("{\"callConnectionId\":\"" + callConnectionId + "\",\"recordingStateCallbackUri\":\""
                + callback + "\"}").getBytes(StandardCharsets.UTF_8);
        send("StartRecording", signer.post("/calling/recordings?api-version=" + API_VERSION, body), 200,
                (response, now) -> {
                    recordingId = field(response, "recordingId");
                    stage = Stage.AWAITING_ACTIVE;
                });
    }

    /** A RecordingStateChanged of the call: the first says active (then stop), the second inactive (then fetch). */
    void stateChanged(long nowNanos) {
        if (stage == Stage.AWAITING_ACTIVE) {
            stage = Stage.STOPPING;
            send("StopRecording", signer.bodiless("DELETE", "/calling/recordings/" + recordingId + "?api-version="
                    + API_VERSION), 204, (response, now) -> stage = stage == Stage.STOPPING ? Stage.AWAITING_INACTIVE
                    : stage);
        } else if (stage == Stage.AWAITING_INACTIVE || stage == Stage.STOPPING) {
            stage = Stage.FETCHING;
            askResult();
        } else {
            outcome.failed("RecordingStateChanged in stage " + stage, nowNanos);
        }
    }

    boolean done() {
        return stage == Stage.DONE;
    }

    private void askResult() {
        resultAttempts++;
        String target = "/calling/recordings/" + recordingId + "/result?api-version=" + RESULT_API_VERSION;
        send("GetRecordingResult", signer.bodiless("GET", target), (status, response, now) -> {
            if (status == 404 && resultAttempts < RESULT_ATTEMPTS) {
                client.loop.schedule(this::askResult, 5, TimeUnit.MILLISECONDS);
            } else if (status != 200) {
                outcome.failed("GetRecordingResult HTTP " + status, now);
            } else {
                String content = field(response, "contentLocation");
                download(content.substring(content.indexOf("/v1/objects/")));
            }
        });
    }

    private void download(String path) {
        send("Download", signer.bodiless("GET", path), 200, (response, now) -> {
            if (response.readableBytes() < 44 || response.getByte(0) != 'R' || response.getByte(8) != 'W') {
                outcome.failed("the recording's content is no WAV", now);
                return;
            }
            stage = Stage.DONE;
            outcome.done(now);
        });
    }

    private interface Answer {
        void accept(ByteBuf response, long nowNanos);
    }

    private interface AnyAnswer {
        void accept(int status, ByteBuf response, long nowNanos);
    }

    private void send(String name, byte[] request, int expected, Answer answer) {
        send(name, request, (status, response, now) -> {
            if (status != expected) {
                outcome.failed(name + " HTTP " + status + ": " + response.toString(StandardCharsets.UTF_8), now);
            } else {
                answer.accept(response, now);
            }
        });
    }

    private void send(String name, byte[] request, AnyAnswer answer) {
        long intended = System.nanoTime();
        client.submit(new LoadClient.Exchange() {
            @Override
            public byte[] encode() {
                return request;
            }

            @Override
            public void completed(int status, ByteBuf response, long now) {
                outcome.rest(now - intended);
                answer.accept(status, response, now);
            }

            @Override
            public void failed(Throwable cause, long now) {
                outcome.failed(name + " " + cause, now);
            }
        });
    }

    /** A string field of a JSON answer, found by its name. */
    private static String field(ByteBuf body, String name) {
        String text = body.toString(StandardCharsets.UTF_8);
        String marker = "\"" + name + "\":\"";
        int at = text.indexOf(marker);
        if (at < 0) {
            return "";
        }
        int start = at + marker.length();
        return text.substring(start, text.indexOf('"', start));
    }
}
