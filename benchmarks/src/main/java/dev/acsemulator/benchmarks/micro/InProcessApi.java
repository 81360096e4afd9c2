package dev.acsemulator.benchmarks.micro;

import dev.acsemulator.api.handlers.StreamingHandlers;
import dev.acsemulator.call.streaming.MediaStreamingService;
import java.util.concurrent.CompletableFuture;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.api.ApiService;
import dev.acsemulator.api.ApiVersions;
import dev.acsemulator.api.CallbackUris;
import dev.acsemulator.api.CallerIds;
import dev.acsemulator.api.Repeatability;
import dev.acsemulator.api.RouteTable;
import dev.acsemulator.api.SpecVersionShaper;
import dev.acsemulator.api.auth.HmacAuthenticator;
import dev.acsemulator.api.handlers.CallConnectionHandlers;
import dev.acsemulator.api.handlers.MediaHandlers;
import dev.acsemulator.api.handlers.RecordingHandlers;
import dev.acsemulator.api.handlers.TranscriptionHandlers;
import dev.acsemulator.call.transcription.TranscriptionService;
import dev.acsemulator.call.recording.RecordingService;
import dev.acsemulator.call.recording.MemoryRecordingFiles;
import dev.acsemulator.call.recording.RecordingStore;
import dev.acsemulator.api.handlers.ParticipantHandlers;
import dev.acsemulator.api.schema.SchemaRegistry;
import dev.acsemulator.call.CallRegistry;
import dev.acsemulator.call.CallService;
import dev.acsemulator.call.CallSettings;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.Invitation;
import dev.acsemulator.call.InvitationRouter;
import dev.acsemulator.call.ParticipantService;
import dev.acsemulator.call.TransferService;
import dev.acsemulator.call.event.CallEventSink;
import dev.acsemulator.call.media.AudioCache;
import dev.acsemulator.call.media.HttpAudioFetcher;
import dev.acsemulator.call.media.MediaService;
import dev.acsemulator.call.media.SourcePreparer;
import dev.acsemulator.faults.FaultRules;
import dev.acsemulator.faults.OperationFaults;
import dev.acsemulator.runtime.IdSource;
import dev.acsemulator.runtime.Lanes;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The emulator's request path wired as {@code Emulator} wires it, minus sockets and TLS: schemas, route table,
 * HMAC auth, repeatability, fault rules (none set), the call domain on one lane, and a sink in place of delivery. Simulated people answer at
 * once (answer delay zero), on the call's lane, as {@code SimulatedPeople} does.
 */
final class InProcessApi implements AutoCloseable {

    static final SchemaRegistry SCHEMAS = SchemaRegistry.loadFromClasspath();

    final ObjectMapper mapper = new ObjectMapper();
    final SpecVersionShaper shaper = new SpecVersionShaper(SCHEMAS);
    final Lanes lanes = new Lanes(1);
    final java.util.concurrent.ScheduledExecutorService faultScheduler =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    final CallRegistry registry = new CallRegistry();
    final CallService calls;
    final RouteTable routes;
    final ApiService api;
    final HttpAudioFetcher audioFetcher = new HttpAudioFetcher(Duration.ofSeconds(10), 1 << 20);

    InProcessApi(CallEventSink sink) {
        IdSource ids = new IdSource(20261122L);
        InvitationRouter answerAtOnce = new InvitationRouter() {
            @Override
            public void ring(Invitation invitation) {
                Identifier rung = invitation.target();
                invitation.call().lane().execute(() -> {
                    if (invitation.isRinging() && invitation.target().equals(rung)) {
                        invitation.answerAsPerson();
                    }
                });
            }

            @Override
            public boolean isApplicationOwned(Identifier identity) {
                return false;
            }
        };
        calls = new CallService(registry, lanes, ids, Fixtures.CLOCK, sink, answerAtOnce,
                new CallSettings(Fixtures.RESOURCE_ID, Duration.ofSeconds(1), Duration.ofSeconds(180), Duration.ZERO));
        CallbackUris uris = new CallbackUris(false);
        CallerIds callerIds = new CallerIds(Set.of());
        TranscriptionService transcriptions = new TranscriptionService(calls, registry,
                (url, connection, correlation, dropped) -> CompletableFuture.failedFuture(
                        new ConnectException("The in-process benchmark opens no transcription socket")),
                Fixtures.CLOCK);
        // No network in process: a media stream's socket never opens (its start ends in MediaStreamingFailed).
        MediaStreamingService streams = new MediaStreamingService(registry, (url, connection, correlation, events) ->
                CompletableFuture.failedFuture(new ConnectException("The in-process benchmark opens no stream socket")),
                Fixtures.CLOCK);
        routes = new RouteTable(SCHEMAS, new CallConnectionHandlers(calls, new TransferService(calls), uris, callerIds,
                transcriptions, streams),
                new ParticipantHandlers(new ParticipantService(calls), uris, callerIds, 100),
                new MediaHandlers(new MediaService(calls, new SourcePreparer(audioFetcher, new AudioCache(16)),
                        Fixtures.CLOCK), uris),
                new RecordingHandlers(new RecordingService(calls, registry, new RecordingStore(Fixtures.CLOCK,
                        Duration.ofHours(48), Long.MAX_VALUE, new MemoryRecordingFiles(), session -> new byte[0],
                        Runnable::run), Fixtures.CLOCK, Duration.ofMillis(500)), uris, () -> "https://127.0.0.1:8443/"),
                new TranscriptionHandlers(transcriptions, uris),
                new StreamingHandlers(streams, uris));
        api = new ApiService(routes, new HmacAuthenticator(List.of(Fixtures.KEY), Fixtures.CLOCK,
                Duration.ofMinutes(5)), new ApiVersions(SCHEMAS, false), SCHEMAS, false,
                new Repeatability(Fixtures.CLOCK, Duration.ofMinutes(5)), shaper, mapper, ids, Fixtures.CLOCK,
                new OperationFaults(new FaultRules(new java.util.Random(1), Fixtures.CLOCK), faultScheduler));
    }

    @Override
    public void close() {
        lanes.close();
        faultScheduler.shutdownNow();
        audioFetcher.close();
    }
}
