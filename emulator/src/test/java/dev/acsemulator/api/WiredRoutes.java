package dev.acsemulator.api;

import dev.acsemulator.api.handlers.CallConnectionHandlers;
import dev.acsemulator.api.handlers.MediaHandlers;
import dev.acsemulator.api.handlers.RecordingHandlers;
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

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/** The route table wired as {@code Emulator} wires it, with the handler groups the emulator has. */
final class WiredRoutes implements AutoCloseable {

    static final SchemaRegistry SCHEMAS = SchemaRegistry.loadFromClasspath();

    private final Lanes lanes = new Lanes(1);
    final CallConnectionHandlers calls;
    final ParticipantHandlers participants;
    final MediaHandlers media;
    final RecordingHandlers recordings;
    private final HttpAudioFetcher audioFetcher = new HttpAudioFetcher(Duration.ofSeconds(1), 1024);
    final RouteTable table;

    WiredRoutes() {
        CallRegistry registry = new CallRegistry();
        CallService service = new CallService(registry, lanes, new IdSource(1), Clock.systemUTC(),
                event -> { }, new NobodyAnswers(), new CallSettings("resource", Duration.ofSeconds(30),
                Duration.ofSeconds(180), Duration.ofMinutes(5)));
        CallbackUris callbackUris = new CallbackUris(false);
        CallerIds callerIds = new CallerIds(Set.of());
        calls = new CallConnectionHandlers(service, new TransferService(service), callbackUris, callerIds);
        participants = new ParticipantHandlers(new ParticipantService(service), callbackUris, callerIds, 100);
        media = new MediaHandlers(new MediaService(service, new SourcePreparer(audioFetcher, new AudioCache(1)),
                Clock.systemUTC()), callbackUris);
        recordings = new RecordingHandlers(new RecordingService(service, registry,
                new RecordingStore(Clock.systemUTC(), Duration.ofHours(48), Long.MAX_VALUE,
                        new MemoryRecordingFiles(), session -> new byte[0], Runnable::run), Clock.systemUTC(),
                Duration.ofMillis(1)), callbackUris, () -> "https://127.0.0.1:8443/");
        table = new RouteTable(SCHEMAS, calls, participants, media, recordings);
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
