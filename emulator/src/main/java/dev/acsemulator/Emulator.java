package dev.acsemulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.activity.ActivityBook;
import dev.acsemulator.activity.ActivityFeed;
import dev.acsemulator.activity.ActivityJson;
import dev.acsemulator.activity.ActivityRecording;
import dev.acsemulator.activity.DeliveryActivity;
import dev.acsemulator.activity.EventActivity;
import dev.acsemulator.activity.FaultActivity;
import dev.acsemulator.activity.JournalActivity;
import dev.acsemulator.activity.RestActivity;
import dev.acsemulator.admin.AdminApi;
import dev.acsemulator.admin.AdminRoutes;
import dev.acsemulator.admin.client.ControlClient;
import dev.acsemulator.admin.client.ControlTransport;
import dev.acsemulator.dashboard.Dashboard;
import dev.acsemulator.api.RequestTarget;
import dev.acsemulator.http.HttpRequestMessage;
import dev.acsemulator.api.ApiService;
import dev.acsemulator.api.ApiVersions;
import dev.acsemulator.api.CallbackUris;
import dev.acsemulator.api.CallerIds;
import dev.acsemulator.api.Repeatability;
import dev.acsemulator.api.RouteTable;
import dev.acsemulator.api.auth.BearerAuthenticator;
import dev.acsemulator.api.auth.BearerSignatures;
import dev.acsemulator.api.auth.JwksSignatures;
import dev.acsemulator.api.auth.JwksSource;
import dev.acsemulator.api.auth.CredentialAuthenticator;
import dev.acsemulator.api.auth.HmacAuthenticator;
import dev.acsemulator.api.handlers.CallConnectionHandlers;
import dev.acsemulator.api.handlers.MediaHandlers;
import dev.acsemulator.api.handlers.RecordingHandlers;
import dev.acsemulator.api.handlers.StreamingHandlers;
import dev.acsemulator.api.handlers.TranscriptionHandlers;
import dev.acsemulator.call.streaming.MediaStreamingService;
import dev.acsemulator.call.streaming.StartStreamsOnConnect;
import dev.acsemulator.call.transcription.TranscriptionService;
import dev.acsemulator.delivery.websocket.StreamSocketHeaders;
import dev.acsemulator.delivery.websocket.TranscriptWebSockets;
import dev.acsemulator.delivery.websocket.WebSocketClient;
import dev.acsemulator.delivery.websocket.WebSocketStreamTransport;
import dev.acsemulator.api.content.RecordingContentApi;
import dev.acsemulator.api.content.RecordingMetadata;
import dev.acsemulator.delivery.eventgrid.RecordingFilePublisher;
import dev.acsemulator.call.recording.RecordingService;
import dev.acsemulator.call.recording.DiskRecordingFiles;
import dev.acsemulator.call.recording.MemoryRecordingFiles;
import dev.acsemulator.call.recording.RecordingStore;
import dev.acsemulator.api.handlers.ParticipantHandlers;
import dev.acsemulator.api.schema.SchemaRegistry;
import dev.acsemulator.api.SpecVersionShaper;
import dev.acsemulator.call.CallInspector;
import dev.acsemulator.call.Call;
import dev.acsemulator.call.CallRegistry;
import dev.acsemulator.call.CallService;
import dev.acsemulator.call.CallSettings;
import dev.acsemulator.call.HandAnswers;
import dev.acsemulator.call.ParticipantService;
import dev.acsemulator.call.PersonActions;
import dev.acsemulator.call.TransferService;
import dev.acsemulator.call.media.AudioCache;
import dev.acsemulator.call.media.HttpAudioFetcher;
import dev.acsemulator.call.media.MediaService;
import dev.acsemulator.call.media.SourcePreparer;
import dev.acsemulator.config.EmulatorConfig;
import dev.acsemulator.delivery.CallbackDispatcher;
import dev.acsemulator.delivery.DeliveryJournal;
import dev.acsemulator.delivery.RetryPolicy;
import dev.acsemulator.delivery.WebhookClient;
import dev.acsemulator.delivery.auth.CallbackSigningKey;
import dev.acsemulator.delivery.auth.CallbackTokenSigner;
import dev.acsemulator.delivery.auth.OpenIdDocuments;
import dev.acsemulator.events.CloudEventWriter;
import dev.acsemulator.events.EventGridEventWriter;
import dev.acsemulator.faults.DeliveryFaults;
import dev.acsemulator.faults.CallFaultJournal;
import dev.acsemulator.faults.EventFaults;
import dev.acsemulator.faults.FaultRules;
import dev.acsemulator.faults.StreamFaults;
import dev.acsemulator.faults.OperationFaults;
import dev.acsemulator.faults.MediaOutcomeFaults;
import dev.acsemulator.faults.OutcomeFaults;
import dev.acsemulator.http.HttpResponseMessage;
import dev.acsemulator.http.RequestHandler;
import dev.acsemulator.http.HttpServer;
import dev.acsemulator.http.RequestHandler;
import dev.acsemulator.http.HttpLimits;
import dev.acsemulator.http.IoLoops;
import dev.acsemulator.logging.EmulatorLogging;
import dev.acsemulator.tls.TlsMaterial;
import dev.acsemulator.world.BehaviourBook;
import dev.acsemulator.runtime.IdSource;
import dev.acsemulator.world.IdentityDirectory;
import dev.acsemulator.runtime.Activity;
import dev.acsemulator.runtime.TimeKeeping;
import dev.acsemulator.runtime.VirtualTimeLanes;
import dev.acsemulator.world.ScriptedAnswers;
import dev.acsemulator.world.SimulatedPeople;
import dev.acsemulator.world.WorldRouter;
import dev.acsemulator.delivery.eventgrid.EventGridPublisher;
import dev.acsemulator.delivery.eventgrid.EventGridRetrySchedule;
import dev.acsemulator.delivery.eventgrid.SystemTopic;
import dev.acsemulator.delivery.eventgrid.EventGridSubscription;
import dev.acsemulator.world.IncomingCallContexts;
import dev.acsemulator.world.EventGridLatency;
import dev.acsemulator.world.IncomingCallNotifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A running emulator, usable as a library: {@code Emulator.start(config)} binds its listeners and returns once it
 * serves; {@link #close()} stops it. Exposes what a client needs: the connection string, endpoints and truststore.
 */
public final class Emulator implements AutoCloseable {

    private final EmulatorConfig config;
    private final TlsMaterial tls;
    private final HttpServer server;
    private final TimeKeeping time;
    private final Activity activity = new Activity();
    private final ScheduledExecutorService deliveryScheduler;
    private final CallRegistry registry;
    private final DeliveryJournal deliveryJournal;
    private final FaultRules faults;
    private final RouteTable routes;
    private final ApiService api;
    private final AdminApi admin;
    private final FrontDoor frontDoor;
    private final int httpsPort;
    private final int httpPort;
    private final IoLoops loops;
    private final EmulatorLogging logging;
    /** Each call's activity for the dashboard, and its live feed. */
    private final ActivityBook activityBook;
    private final RestActivity restActivity;
    /** How many activity items a call keeps (the oldest go first). */
    private static final int ACTIVITY_ITEMS_PER_CALL = 2000;
    /**
     * Play files: fetched whole (connect, headers and body) within this deadline, at most this size (an hour of
     * 16 kHz 16-bit mono), this many cached.
     */
    private static final Duration PLAY_FILE_TIMEOUT = Duration.ofSeconds(10);
    private static final long PLAY_FILE_MAX_BYTES = 3600L * 32_000;
    private static final int PLAY_SOURCES_CACHED = 256;
    /** How long a recording bot takes to join after StartRecording is accepted (recorded: about a second). */
    private static final Duration RECORDING_BOT_JOIN_DELAY = Duration.ofMillis(500);
    /**
     * How long opening the application's WebSocket of a media stream or a transcription (TCP, TLS and the upgrade) may
     * take before MediaStreamingFailed or TranscriptionFailed.
     */
    private static final Duration STREAM_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Two threads write, read and delete recording files, off the event loops and the calls' lanes. */
    private static final int RECORDING_FILE_THREADS = 2;
    /** How long a stop waits for recording files still being written. */
    private static final Duration RECORDING_WRITES_AT_STOP = Duration.ofSeconds(10);
    private final java.util.concurrent.ExecutorService recordingFiles;
    private final HttpAudioFetcher audioFetcher;
    /** The keys bearer tokens are verified with, when {@code --bearer-jwks} is set. */
    private final Optional<JwksSource> bearerJwks;
    private final RecordingStore recordingStore;
    private volatile boolean closed;
    /** What was said at start: an unclean stop of the previous run, who can reach the emulator. */
    private final List<String> startWarnings;
    /** This run in the data directory, so the next start can tell an unclean stop (RunRecord). */
    private final RunRecord runRecord;
    private static final Duration RUN_RECORD_REFRESH = Duration.ofSeconds(5);

    private Emulator(EmulatorConfig config, AcquiredOnStart acquired)
            throws IOException, GeneralSecurityException, InterruptedException {
        this.config = config;
        this.logging = acquired.hold(new EmulatorLogging(config.logLevel()), EmulatorLogging::close);
        this.loops = acquired.hold(new IoLoops(Math.max(1, Runtime.getRuntime().availableProcessors())),
                IoLoops::close);
        this.time = acquired.hold(switch (config.clockMode()) {
            case REAL -> TimeKeeping.real(loops.executors());
            case VIRTUAL -> TimeKeeping.virtual(config.virtualEpoch(), VirtualTimeLanes.Mode.AUTO,
                    config.virtualIdleGrace(), activity);
            case MANUAL -> TimeKeeping.virtual(config.virtualEpoch(), VirtualTimeLanes.Mode.MANUAL,
                    config.virtualIdleGrace(), activity);
        }, TimeKeeping::close);
        Clock clock = time.realClock();
        Clock domainClock = time.domainClock();
        IdSource ids = config.seed().map(IdSource::new).orElseGet(IdSource::unseeded);
        ObjectMapper mapper = new ObjectMapper();
        this.tls = TlsMaterial.loadOrCreate(config.dataDir(), config.certificateNames(), config.tlsCertificate(),
                config.tlsPrivateKey(), clock);
        CallbackSigningKey signingKey = CallbackSigningKey.loadOrCreate(config.dataDir());
        CallbackTokenSigner signer = config.callbackTokenPerEvent()
                ? CallbackTokenSigner.perEvent(signingKey, config.callbackTokenIssuer(), clock)
                : new CallbackTokenSigner(signingKey, config.callbackTokenIssuer(), clock);

        SchemaRegistry schemas = SchemaRegistry.loadFromClasspath();
        SpecVersionShaper shaper = new SpecVersionShaper(schemas);
        this.deliveryScheduler = acquired.hold(
                Executors.newSingleThreadScheduledExecutor(daemon("acs-delivery-retry-")),
                ScheduledExecutorService::shutdownNow);
        this.deliveryJournal = new DeliveryJournal(1000);
        WebhookClient webhooks = new WebhookClient(loops, Duration.ofSeconds(5), config.deliveryTimeout());
        RetryPolicy retryPolicy = new RetryPolicy(config.deliveryRetries(), config.deliveryInitialBackoff(),
                Duration.ofSeconds(30));
        CallbackDispatcher dispatcher = new CallbackDispatcher(new CloudEventWriter(mapper, shaper), signer,
                config.resourceId(), webhooks, retryPolicy, deliveryJournal, deliveryScheduler, domainClock,
                10_000, logging.deliveries());
        activity.watch(dispatcher::pending);

        this.faults = new FaultRules(new java.util.Random(config.seed().orElseGet(() -> new java.util.Random()
                .nextLong()) ^ 0x5DEECE66DL), domainClock);
        config.faults().forEach(faults::add);
        EventFaults eventFaults = new EventFaults(dispatcher, faults, time.lanes());
        dispatcher.intercept(new DeliveryFaults(faults, deliveryScheduler));
        this.registry = new CallRegistry();
        registry.whenForgotten(deliveryJournal::forget);
        faults.whenApplied(new CallFaultJournal(registry));
        this.activityBook = new ActivityBook(registry, domainClock, ACTIVITY_ITEMS_PER_CALL, new ActivityFeed(),
                time.lanes(), config.activity() == EmulatorConfig.ActivityStart.ALWAYS
                        ? ActivityRecording.fromStart(domainClock) : ActivityRecording.onFirstLook(domainClock),
                deliveryJournal);
        registry.observeJournals(new JournalActivity(activityBook));
        deliveryJournal.whenRecorded(new DeliveryActivity(activityBook));
        faults.whenApplied(new FaultActivity(activityBook, registry));
        EventGridEventWriter eventGridWriter = new EventGridEventWriter(mapper, topic(config));
        WebhookClient eventGridWebhooks = new WebhookClient(loops, Duration.ofSeconds(5),
                EventGridPublisher.RESPONSE_WAIT);
        EventGridPublisher eventGrid = new EventGridPublisher(eventGridWriter, eventGridWebhooks,
                new EventGridRetrySchedule(config.eventGridRetryTimeScale()), deliveryJournal, deliveryScheduler, ids,
                domainClock, mapper, logging.deliveries());
        activity.watch(eventGrid::inFlight);
        BehaviourBook behaviours = new BehaviourBook(config.answerDelay(), config.behaviours());
        SystemTopic systemTopic = new SystemTopic(config.eventGridSubscriptions());
        IdentityDirectory directory = new IdentityDirectory(Set.copyOf(config.ownedPhoneNumbers()), systemTopic);
        IncomingCallNotifier incomingCalls = new IncomingCallNotifier(registry, new IncomingCallContexts(),
                eventGridWriter, eventGrid, new EventGridLatency(config.eventGridLatency()));
        WorldRouter world = new WorldRouter(directory, incomingCalls, new SimulatedPeople(behaviours));
        OutcomeFaults router = new OutcomeFaults(world, faults);
        StartStreamsOnConnect streamStarts = new StartStreamsOnConnect(new EventActivity(activityBook)
                .around(eventFaults), registry);
        CallService calls = new CallService(registry, time.lanes(), ids, domainClock, streamStarts, router,
                new CallSettings(config.resourceId(), config.ringTimeout(), Duration.ofSeconds(180),
                        config.endedCallRetention(), config.endedCallsRemembered()));
        CallbackUris callbackUris = new CallbackUris(config.strictCallbackUris());
        WebSocketClient appSockets = new WebSocketClient(loops, STREAM_CONNECT_TIMEOUT);
        StreamSocketHeaders appSocketHeaders = new StreamSocketHeaders(signer, config.resourceId());
        StreamFaults streamFaults = new StreamFaults(faults, deliveryScheduler);
        MediaStreamingService streams = new MediaStreamingService(registry, streamFaults.mediaStreams(
                new WebSocketStreamTransport(appSockets, appSocketHeaders)), domainClock);
        streamStarts.startFrom(streams);
        CallerIds callerIds = new CallerIds(directory.ownedPhoneNumbers());
        this.audioFetcher = acquired.hold(new HttpAudioFetcher(PLAY_FILE_TIMEOUT, PLAY_FILE_MAX_BYTES),
                HttpAudioFetcher::close);
        activity.watch(audioFetcher::inFlight);
        this.recordingFiles = acquired.hold(Executors.newFixedThreadPool(RECORDING_FILE_THREADS,
                daemon("acs-recording-files-")), java.util.concurrent.ExecutorService::shutdownNow);
        this.recordingStore = new RecordingStore(domainClock, config.recordingRetention(), config.recordingMaxBytes(),
                switch (config.recordingStorage()) {
                    case DISK -> new DiskRecordingFiles(config.dataDir().resolve("recordings"));
                    case MEMORY -> new MemoryRecordingFiles();
                }, new RecordingMetadata(mapper, config.resourceId())::json, recordingFiles);
        recordingStore.loadExisting();
        activity.watch(recordingStore::writing);
        deliveryScheduler.scheduleWithFixedDelay(() -> recordingFiles.execute(recordingStore::sweepExpired),
                1, 1, java.util.concurrent.TimeUnit.MINUTES);
        recordingStore.whenStored(new RecordingFilePublisher(systemTopic, eventGridWriter, eventGrid, ids,
                this::recordingObjectsBaseUrl));
        TranscriptionService transcriptions = new TranscriptionService(calls, registry,
                streamFaults.transcripts(new TranscriptWebSockets(appSockets, appSocketHeaders)), domainClock);
        this.routes = new RouteTable(schemas,
                new CallConnectionHandlers(calls, new TransferService(calls), callbackUris, callerIds,
                        transcriptions, streams),
                new ParticipantHandlers(new ParticipantService(calls), callbackUris, callerIds,
                        config.participantsPageSize()),
                new MediaHandlers(new MediaService(calls, new SourcePreparer(audioFetcher,
                        new AudioCache(PLAY_SOURCES_CACHED)), domainClock, new ScriptedAnswers(behaviours, audioFetcher),
                        new MediaOutcomeFaults(faults)),
                        callbackUris),
                new RecordingHandlers(new RecordingService(calls, registry, recordingStore, domainClock,
                        RECORDING_BOT_JOIN_DELAY), callbackUris, this::recordingObjectsBaseUrl),
                new TranscriptionHandlers(transcriptions, callbackUris),
                new StreamingHandlers(streams, callbackUris));
        this.bearerJwks = config.bearerJwks().isEmpty() ? Optional.empty()
                : Optional.of(acquired.hold(JwksSource.open(config.bearerJwks(), clock, mapper), JwksSource::close));
        CredentialAuthenticator authenticator = new CredentialAuthenticator(
                new HmacAuthenticator(decodeKeys(config.accessKeys()), clock, config.clockSkew()),
                new BearerAuthenticator(Set.of("https://communication.azure.com"), clock, mapper,
                        bearerJwks.<BearerSignatures>map(JwksSignatures::new).orElse(BearerSignatures.UNVERIFIED)));
        Repeatability repeatability = new Repeatability(clock, config.clockSkew(),
                config.repeatableRequestsRemembered());
        // Request ids expire on the real clock their First-Sent dates are read on, also while no request comes.
        deliveryScheduler.scheduleWithFixedDelay(repeatability::forgetExpired,
                Repeatability.SWEEP_INTERVAL.toMillis(), Repeatability.SWEEP_INTERVAL.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
        this.api = new ApiService(routes, authenticator, new ApiVersions(schemas, config.strictApiVersion()),
                schemas, config.strictRequests(), repeatability, shaper, mapper, ids,
                domainClock, new OperationFaults(faults, deliveryScheduler));

        this.server = acquired.hold(new HttpServer(loops), HttpServer::close);
        this.admin = AdminRoutes.api(new CallInspector(registry), calls, new PersonActions(registry),
                deliveryJournal, behaviours, config.behaviours(), directory, config.eventGridSubscriptions(), eventGrid,
                api.operationLog(), faults, config.faults(), ids, time, config.adminToken(), recordingStore,
                audioFetcher, new HandAnswers(registry), activityBook,
                new ActivityJson(CloudEventWriter.rebuildingEveryRoster(mapper, shaper)));
        this.frontDoor = new FrontDoor(api, admin, new RecordingContentApi(recordingStore, authenticator),
                config.callbackTokenIssuer(),
                OpenIdDocuments.jwksJson(signingKey), this::health, activity,
                Dashboard.fromClassPath().whenOpened(activityBook.recording()::looked));
        this.restActivity = new RestActivity(activityBook, routes, registry, domainClock,
                System::nanoTime);
        RequestHandler logged = logging.access().around(restActivity.around(frontDoor));
        HttpLimits limits = new HttpLimits(config.maxBodyBytes(), config.headerTimeout(), config.bodyTimeout(),
                config.idleTimeout());
        this.httpsPort = config.httpsPort() < 0 ? -1 : server.listen(config.host(), config.httpsPort(),
                tls.nettyServerSslContext(), logged, frontDoor, limits);
        this.httpPort = config.httpPort() < 0 ? -1 : server.listen(config.host(), config.httpPort(), null, logged,
                frontDoor, limits);
        Exposure.alsoOnIpv6Loopback(config.host(), httpsPort, (host, port) -> server.listen(host, port,
                tls.nettyServerSslContext(), logged, frontDoor, limits));
        Exposure.alsoOnIpv6Loopback(config.host(), httpPort, (host, port) -> server.listen(host, port, null, logged,
                frontDoor, limits));
        List<String> warnings = new ArrayList<>();
        this.runRecord = acquired.hold(RunRecord.begin(config.dataDir(), clock, () -> liveCalls(registry), warnings),
                RunRecord::close);
        deliveryScheduler.scheduleWithFixedDelay(runRecord::refresh, RUN_RECORD_REFRESH.toMillis(),
                RUN_RECORD_REFRESH.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        warnings.addAll(Exposure.warnAtStart(config));
        this.startWarnings = List.copyOf(warnings);
        for (EventGridSubscription subscription : config.eventGridSubscriptions()) {
            eventGrid.validated(subscription);
        }
    }

    /**
     * Starts an emulator and returns once it serves. A start that fails (a port already taken, an unreadable data
     * directory) has released whatever it had bound or started by the time it throws.
     */
    public static Emulator start(EmulatorConfig config) {
        AcquiredOnStart acquired = new AcquiredOnStart();
        try {
            return new Emulator(config, acquired);
        } catch (Throwable failure) {
            acquired.releaseAll(failure);
            throw startFailure(failure);
        }
    }

    private static RuntimeException startFailure(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof IOException io) {
            return new UncheckedIOException(io);
        }
        if (failure instanceof GeneralSecurityException security) {
            return new IllegalStateException("Could not set up TLS or signing keys", security);
        }
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new IllegalStateException("Interrupted while starting", failure);
        }
        return new IllegalStateException("Could not start", failure);
    }

    /** {@code endpoint=https://127.0.0.1:8443/;accesskey=...}: paste into any official SDK. */
    public String connectionString() {
        return "endpoint=" + httpsEndpoint() + ";accesskey=" + config.accessKeys().get(0);
    }

    /** The connection string for the plain-HTTP listener (JS with allowInsecureConnection). */
    public String httpConnectionString() {
        return "endpoint=" + httpEndpoint() + ";accesskey=" + config.accessKeys().get(0);
    }

    /**
     * Where RecordingFileStatusUpdated says the files are: this emulator, over HTTPS when it listens on it, by the
     * configured recording host name when there is one.
     */
    private String recordingObjectsBaseUrl() {
        if (!config.recordingHost().isEmpty() && httpsPort >= 0) {
            return "https://" + config.recordingHost() + ":" + httpsPort + "/";
        }
        return httpsPort >= 0 ? httpsEndpoint() : httpEndpoint();
    }

    public String httpsEndpoint() {
        return "https://" + config.advertisedHost() + ":" + httpsPort + "/";
    }

    public String httpEndpoint() {
        return "http://" + config.advertisedHost() + ":" + httpPort + "/";
    }

    public int httpsPort() {
        return httpsPort;
    }

    /**
     * The warnings logged at start (the previous run's calls lost in an unclean stop; the control API open beyond
     * loopback without a token); empty when none.
     */
    public List<String> startWarnings() {
        return startWarnings;
    }

    private static int liveCalls(CallRegistry registry) {
        int live = 0;
        for (Call call : registry.calls()) {
            if (!call.isEnded()) {
                live++;
            }
        }
        return live;
    }

    public int httpPort() {
        return httpPort;
    }

    public Path truststorePath() {
        return tls.truststorePath();
    }

    /** An SSLContext that trusts exactly this emulator's certificate, for any Java HTTP client. */
    public javax.net.ssl.SSLContext sslContext() {
        return tls.clientSslContext();
    }

    /** A KeyStore holding this emulator's certificate as a trusted entry. */
    public java.security.KeyStore trustStore() {
        return tls.trustStore();
    }

    public Path certificatePemPath() {
        return tls.certificatePemPath();
    }

    /** This emulator's certificate chain, leaf first: for clients that take trusted certificates (Netty, OkHttp). */
    public List<java.security.cert.X509Certificate> certificateChain() {
        return tls.certificateChain();
    }

    /**
     * The TLS material itself, for this repository's own tests. Applications use {@link #sslContext()},
     * {@link #trustStore()} or {@link #certificateChain()}: in the {@code acs-emulator} artifact this type's Netty
     * members name the emulator's relocated Netty, not the application's.
     */
    public TlsMaterial tls() {
        return tls;
    }

    public EmulatorConfig config() {
        return config;
    }

    public CallRegistry calls() {
        return registry;
    }

    /** The server call ids of every call this emulator knows: active, or ended and not forgotten yet. */
    public List<String> serverCallIds() {
        return registry.calls().stream().map(dev.acsemulator.call.Call::serverCallId).toList();
    }

    /** The served operations, one per line: the single source of truth for routing, docs and coverage. */
    /** The control API's operations, {@code "METHOD /admin/path name"} each, as its route table lists them. */
    public List<String> controlOperations() {
        return admin.operations();
    }

    public RouteTable routes() {
        return routes;
    }

    public dev.acsemulator.api.OperationLog operationLog() {
        return api.operationLog();
    }

    /** Every request, served in-process as the listeners serve it (for tests that stand in for the HTTP edge). */
    RequestHandler requests() {
        return frontDoor;
    }

    /**
     * The event loops that serve HTTP, run the calls' lanes and deliver webhooks, each as a scheduling executor: for
     * diagnostics that must run on a loop itself (the load benchmark measures how long the loop stays busy).
     */
    public List<ScheduledExecutorService> eventLoops() {
        return loops.executors();
    }

    /** A control API client that calls this emulator in-process, with no HTTP in between (logged like HTTP calls). */
    public ControlClient control() {
        RequestHandler inProcess = logging.access().around(restActivity.around(request -> admin.handle(request,
                RequestTarget.parse(request.rawTarget()))));
        return new ControlClient((method, path, body) -> {
            HttpRequestMessage request = new HttpRequestMessage(method, path,
                    config.adminToken() == null ? Map.of() : Map.of("authorization", "Bearer " + config.adminToken()),
                    body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), "https", httpsPort);
            HttpResponseMessage response = inProcess.handle(request).toCompletableFuture().join();
            return new ControlTransport.Reply(response.status(), response.body());
        });
    }

    /** The dashboard's page, e.g. {@code https://127.0.0.1:8443/dashboard}. */
    public String dashboardUrl() {
        return (httpsPort > 0 ? httpsEndpoint() : httpEndpoint()) + Dashboard.PATH.substring(1);
    }

    /** The base URL of the control API, e.g. {@code https://127.0.0.1:8443/admin}. */
    public String controlApiUrl() {
        return (httpsPort > 0 ? httpsEndpoint() : httpEndpoint()) + "admin";
    }

    public DeliveryJournal deliveryJournal() {
        return deliveryJournal;
    }

    /** The calls' activity as recorded, read without looking (a look starts the recording: tests check it did not). */
    ActivityBook activityBook() {
        return activityBook;
    }

    @Override
    public void close() {
        closed = true;
        server.close();
        runRecord.close();
        finishRecordingWrites();
        time.close();
        deliveryScheduler.shutdownNow();
        audioFetcher.close();
        bearerJwks.ifPresent(JwksSource::close);
        loops.close();
        logging.close();
    }

    /** Lets the recording files being written finish (each is written once, whole), then stops their threads. */
    private void finishRecordingWrites() {
        recordingFiles.shutdown();
        try {
            if (!recordingFiles.awaitTermination(RECORDING_WRITES_AT_STOP.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS)) {
                recordingFiles.shutdownNow();
            }
        } catch (InterruptedException e) {
            recordingFiles.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** {@code /health}: 200 while serving, 503 once stopping, with the clock mode and the domain time. */
    private HttpResponseMessage health() {
        String body = "{\"status\":\"" + (closed ? "stopping" : "healthy") + "\",\"clock\":\""
                + config.clockMode().name().toLowerCase() + "\",\"time\":\"" + time.domainClock().instant() + "\"}";
        return HttpResponseMessage.json(closed ? 503 : 200, body);
    }

    private static String topic(EmulatorConfig config) {
        return "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/acs-emulator/providers/"
                + "microsoft.communication/communicationservices/" + config.resourceName();
    }

    private static List<byte[]> decodeKeys(List<String> keys) {
        return keys.stream().map(key -> Base64.getDecoder().decode(key)).toList();
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        return dev.acsemulator.runtime.DaemonThreads.named(prefix);
    }

}
