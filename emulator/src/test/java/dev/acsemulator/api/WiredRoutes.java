package dev.acsemulator.api;

import dev.acsemulator.api.handlers.CallConnectionHandlers;
import dev.acsemulator.api.handlers.MediaHandlers;
import dev.acsemulator.api.handlers.RecordingHandlers;
import dev.acsemulator.api.handlers.StreamingHandlers;
import dev.acsemulator.api.handlers.TranscriptionHandlers;
import dev.acsemulator.call.streaming.MediaStreamingService;
import dev.acsemulator.call.transcription.TranscriptionService;
import dev.acsemulator.call.recording.RecordingService;
import dev.acsemulator.call.recording.MemoryRecordingFiles;
import dev.acsemulator.call.recording.RecordingStore;
import dev.acsemulator.call.media.AudioCache;
import dev.acsemulator.call.media.HttpAudioFetcher;
import dev.acsemulator.call.media.MediaService;
import dev.acsemulator.call.media.SourcePreparer;
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
import dev.acsemulator.runtime.IdSource;
import dev.acsemulator.runtime.Lanes;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** The route table wired as {@code Emulator} wires it, with the handler groups the emulator has. */
final class WiredRoutes implements AutoCloseable {

    static final SchemaRegistry SCHEMAS = SchemaRegistry.loadFromClasspath();

    private final Lanes lanes = new Lanes(1);
    final CallConnectionHandlers calls;
    final ParticipantHandlers participants;
    final MediaHandlers media;
    final RecordingHandlers recordings;
    final TranscriptionHandlers transcriptions;
    final StreamingHandlers streaming;
    private final HttpAudioFetcher audioFetcher = new HttpAudioFetcher(Duration.ofSeconds(1), 1024);
    final RouteTable table;

    WiredRoutes() {
        CallRegistry registry = new CallRegistry();
        CallService service = new CallService(registry, lanes, new IdSource(1), Clock.systemUTC(),
                event -> { }, new NobodyAnswers(), new CallSettings("resource", Duration.ofSeconds(30),
                Duration.ofSeconds(180), Duration.ofMinutes(5)));
        CallbackUris callbackUris = new CallbackUris(false);
        CallerIds callerIds = new CallerIds(Set.of());
        TranscriptionService transcriptions = new TranscriptionService(service, registry,
                (url, connection, correlation, dropped) -> CompletableFuture.failedFuture(
                        new ConnectException("The route table's tests open no transcription socket")),
                Clock.systemUTC());
        // The table's tests never start a stream: a socket that never opens is all they need.
        MediaStreamingService streams = new MediaStreamingService(registry, (url, connection, correlation, events) ->
                CompletableFuture.failedFuture(new ConnectException("The route table's tests open no stream socket")),
                Clock.systemUTC());
        streaming = new StreamingHandlers(streams, callbackUris);
        calls = new CallConnectionHandlers(service, new TransferService(service), callbackUris, callerIds,
                transcriptions, streams);
        participants = new ParticipantHandlers(new ParticipantService(service), callbackUris, callerIds, 100);
        media = new MediaHandlers(new MediaService(service, new SourcePreparer(audioFetcher, new AudioCache(1)),
                Clock.systemUTC()), callbackUris);
        recordings = new RecordingHandlers(new RecordingService(service, registry,
                new RecordingStore(Clock.systemUTC(), Duration.ofHours(48), Long.MAX_VALUE,
                        new MemoryRecordingFiles(), session -> new byte[0], Runnable::run), Clock.systemUTC(),
                Duration.ofMillis(1)), callbackUris, () -> "https://127.0.0.1:8443/");
        this.transcriptions = new TranscriptionHandlers(transcriptions, callbackUris);
        table = new RouteTable(SCHEMAS, calls, participants, media, recordings, this.transcriptions, streaming);
    }

    @Override
    public void close() {
        lanes.close();
        audioFetcher.close();
    }

    /** A world in which nobody picks up; the table's lookups never ring anyone anyway. */
    private static final class NobodyAnswers implements InvitationRouter {
        @Override
        public void ring(Invitation invitation) {
        }

        @Override
        public boolean isApplicationOwned(Identifier identity) {
            return false;
        }
    }
}
