package dev.acsemulator.call.recording;

import dev.acsemulator.call.Call;
import dev.acsemulator.call.CallActionException;
import dev.acsemulator.call.CallConnection;
import dev.acsemulator.call.CallError;
import dev.acsemulator.call.CallRegistry;
import dev.acsemulator.call.CallService;
import dev.acsemulator.call.Commands;
import dev.acsemulator.runtime.IdSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * CallRecording_StartRecording, _GetRecordingProperties, _PauseRecording, _ResumeRecording and _StopRecording
 * (call-automation-behaviour.md §2.17). Each runs on the recorded call's lane. A call has at most one recording
 * that has not stopped; a stopped recording's file goes to the {@link RecordingStore}. Recordings are forgotten
 * with their call.
 */
public final class RecordingService {

    private final CallService calls;
    private final CallRegistry registry;
    private final RecordingStore store;
    private final Clock clock;
    private final Duration botJoinDelay;
    private final Map<String, Recording> byId = new ConcurrentHashMap<>();

    public RecordingService(CallService calls, CallRegistry registry, RecordingStore store, Clock clock,
                            Duration botJoinDelay) {
        this.calls = calls;
        this.registry = registry;
        this.store = store;
        this.clock = clock;
        this.botJoinDelay = botJoinDelay;
        registry.whenForgotten(serverCallId ->
                byId.values().removeIf(recording -> recording.call().serverCallId().equals(serverCallId)));
    }

    public CompletableFuture<RecordingSnapshot> start(StartRecording command) {
        if (command.callConnectionId() != null) {
            return calls.onEstablishedConnection(command.callConnectionId(),
                    connection -> startOn(connection, command.options()));
        }
        Call call = locate(command.locator());
        return CallService.onLane(call, () -> startOn(call.firstEstablishedConnection().orElseThrow(() ->
                new CallActionException(CallError.CALL_CONNECTION_NOT_FOUND,
                        "The call has no connected application to record for.")), command.options()));
    }

    public CompletableFuture<RecordingSnapshot> get(String recordingId) {
        return onRecording(recordingId, Recording::snapshot);
    }

    public CompletableFuture<RecordingSnapshot> pause(String recordingId) {
        return onRecording(recordingId, recording -> {
            recording.pause();
            return recording.snapshot();
        });
    }

    public CompletableFuture<RecordingSnapshot> resume(String recordingId) {
        return onRecording(recordingId, recording -> {
            recording.resume();
            return recording.snapshot();
        });
    }

    public CompletableFuture<RecordingSnapshot> stop(String recordingId) {
        return onRecording(recordingId, recording -> {
            recording.stop(false).ifPresent(store::store);
            return recording.snapshot();
        });
    }

    /**
     * CallRecording_GetRecordingResult (api-versions 2024-09-01-preview and 2025-08-15-preview): the file of a stopped
     * recording, also once its call is forgotten, for as long as the file is kept. A recording that has not stopped,
     * whose file is not written yet or no longer kept, or that never existed, has no result: 404/8522.
     */
    public CompletableFuture<RecordingResult> result(String recordingId) {
        Recording known = byId.get(recordingId);
        if (known == null) {
            return CompletableFuture.supplyAsync(() -> storedResult(recordingId), Runnable::run);
        }
        return CallService.onLane(known.call(), () -> {
            if (known.state() != RecordingState.STOPPED) {
                throw new CallActionException(CallError.RECORDING_NOT_FOUND,
                        "Recording " + recordingId + " has not stopped: it has no result yet.");
            }
            return storedResult(recordingId);
        });
    }

    private RecordingResult storedResult(String recordingId) {
        RecordingFile file = store.findByRecordingId(recordingId).orElseThrow(() -> new CallActionException(
                CallError.RECORDING_NOT_FOUND, "No result of recording " + recordingId + " is kept."));
        return new RecordingResult(file.listing(), store.expiresAt(file.listing()));
    }

    /** The recordings of a call that have not stopped (on the call's lane). */
    private Optional<Recording> running(Call call) {
        return byId.values().stream()
                .filter(recording -> recording.call() == call && recording.state() != RecordingState.STOPPED)
                .findFirst();
    }

    private RecordingSnapshot startOn(CallConnection connection, RecordingOptions options) {
        Call call = connection.call();
        running(call).ifPresent(existing -> {
            throw new CallActionException(CallError.RECORDING_ALREADY_RUNNING,
                    "Duplicate Recording: recording " + existing.recordingId() + " of this call has not stopped.");
        });
        IdSource ids = call.ids();
        Recording recording = new Recording(recordingId(connection.callConnectionId(), ids.guid()),
                documentId(ids.guid()), connection, options, clock);
        byId.put(recording.recordingId(), recording);
        RecordingSnapshot accepted = recording.snapshot();
        recording.start(botJoinDelay, ended -> ended.stop(true).ifPresent(store::store));
        return accepted;
    }

    private Call locate(Commands.CallLocator locator) {
        Optional<Call> call = switch (locator.kind()) {
            case SERVER_CALL -> registry.call(locator.id());
            case GROUP_CALL -> registry.callByLocator("group:" + locator.id());
            case ROOM_CALL -> throw new CallActionException(CallError.INVALID_REQUEST,
                    "A room call locator is not supported for StartRecording.");
        };
        return call.filter(found -> !found.isEnded()).orElseThrow(() -> new CallActionException(
                CallError.CALL_CONNECTION_NOT_FOUND, "Call " + locator.id() + " not found."));
    }

    private <T> CompletableFuture<T> onRecording(String recordingId, Function<Recording, T> action) {
        Recording recording = byId.get(recordingId);
        if (recording == null) {
            return CompletableFuture.failedFuture(new CallActionException(CallError.RECORDING_NOT_FOUND,
                    "Recording " + recordingId + " not found."));
        }
        return CallService.onLane(recording.call(), () -> action.apply(recording));
    }

    /**
     * The service's form (call-automation-behaviour.md §2.17): base64url, unpadded, of
     * {@code {"PlatformEndpointId":"<callConnectionId>","ResourceSpecificId":"<guid>"}}.
     */
    static String recordingId(String callConnectionId, String guid) {
        String json = "{\"PlatformEndpointId\":\"" + callConnectionId + "\",\"ResourceSpecificId\":\"" + guid + "\"}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A storage document id shaped like the service's ({@code 0-eus-d12-801b3f3fc462fe8a01e6810cbff729b8}). */
    static String documentId(String guid) {
        return "0-eus-d1-" + guid.replace("-", "");
    }
}
