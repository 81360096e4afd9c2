package dev.acsemulator.config;

import dev.acsemulator.call.Identifier;
import dev.acsemulator.faults.FaultRule;
import dev.acsemulator.logging.LogLevel;
import dev.acsemulator.world.Behaviour;
import dev.acsemulator.delivery.eventgrid.EventGridSubscription;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The emulator's configuration, immutable. Built from defaults ← config file ← environment ← flags by
 * {@link ConfigLoader}; every option, its default and its names are listed in {@link ConfigOptions}.
 */
public record EmulatorConfig(
        String host,
        int httpsPort,
        int httpPort,
        Path dataDir,
        List<String> accessKeys,
        String resourceName,
        String resourceId,
        List<String> extraSubjectAltNames,
        Optional<Path> tlsCertificate,
        Optional<Path> tlsPrivateKey,
        boolean strictApiVersion,
        boolean strictCallbackUris,
        boolean strictRequests,
        Duration answerDelay,
        Duration ringTimeout,
        Duration endedCallRetention,
        int endedCallsRemembered,
        int repeatableRequestsRemembered,
        int participantsPageSize,
        int maxBodyBytes,
        int deliveryRetries,
        Duration deliveryInitialBackoff,
        Duration deliveryTimeout,
        String callbackTokenIssuer,
        Duration clockSkew,
        List<EventGridSubscription> eventGridSubscriptions,
        List<String> ownedPhoneNumbers,
        Map<Identifier, Behaviour> behaviours,
        List<FaultRule> faults,
        ClockMode clockMode,
        Instant virtualEpoch,
        Duration virtualIdleGrace,
        double eventGridRetryTimeScale,
        Duration eventGridLatency,
        boolean callbackTokenPerEvent,
        String adminToken,
        Optional<Long> seed,
        LogLevel logLevel,
        Duration headerTimeout,
        Duration bodyTimeout,
        Duration idleTimeout,
        String recordingHost,
        String bearerJwks,
        RecordingStorage recordingStorage,
        Duration recordingRetention,
        long recordingMaxBytes,
        ActivityStart activity) {

    /**
     * How the emulator's clock runs: {@code REAL} time; {@code VIRTUAL} time that jumps to the next scheduled
     * moment whenever the emulator is idle (ring timeouts pass in milliseconds); {@code MANUAL} virtual time that
     * moves only through the control API's {@code POST /admin/clock:advance}.
     */
    public enum ClockMode { REAL, VIRTUAL, MANUAL }

    /**
     * Where recording files are kept: {@code DISK}, in the data directory's {@code recordings/}, listed again after
     * a restart; {@code MEMORY}, gone when the emulator stops (what the JUnit extension uses).
     */
    public enum RecordingStorage { DISK, MEMORY }

    /**
     * When the dashboard's activity of the calls is recorded: {@code ON_FIRST_LOOK}, from the first time someone opens
     * the page, its feed or a call's activity (calls remembered then get theirs rebuilt from their journals, without
     * the REST requests before); {@code ALWAYS}, from the start, every call in full.
     */
    public enum ActivityStart {
        ON_FIRST_LOOK, ALWAYS;

        /** {@code on-first-look} or {@code always}, in either case. */
        public static ActivityStart parse(String text) {
            for (ActivityStart start : values()) {
                if (start.wireName().equalsIgnoreCase(text.trim())) {
                    return start;
                }
            }
            throw new IllegalArgumentException("activity is on-first-look or always, not '" + text + "'");
        }

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** The well-known primary access key, like Azurite's well-known account key: public, for local use only. */
    public static final String WELL_KNOWN_KEY = "Y2FsbC1hdXRvbWF0aW9uLWVtdWxhdG9yLWtleS0wMDE=";
    /** The well-known secondary key, so key-rotation code can be tested. */
    public static final String WELL_KNOWN_SECONDARY_KEY = "Y2FsbC1hdXRvbWF0aW9uLWVtdWxhdG9yLWtleS0wMDI=";

    /**
     * How long Event Grid takes to deliver an IncomingCall after the service raised it. Microsoft describes Event
     * Grid's delivery as "near real-time" (learn.microsoft.com/dotnet/architecture/serverless/event-grid) and
     * publishes no figure; half a second is within that and well above the milliseconds in which the service
     * answers the request that raised the call, the order an application may rely on.
     */
    public static final Duration DEFAULT_EVENT_GRID_LATENCY = Duration.ofMillis(500);

    public EmulatorConfig {
        if (eventGridLatency.isNegative()) {
            throw new IllegalArgumentException("eventGridLatency must not be negative");
        }
        accessKeys = List.copyOf(accessKeys);
        extraSubjectAltNames = List.copyOf(extraSubjectAltNames);
        eventGridSubscriptions = List.copyOf(eventGridSubscriptions);
        ownedPhoneNumbers = List.copyOf(ownedPhoneNumbers);
        behaviours = Map.copyOf(behaviours);
        faults = List.copyOf(faults);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.host = host;
        builder.httpsPort = httpsPort;
        builder.httpPort = httpPort;
        builder.dataDir = dataDir;
        builder.accessKeys = new ArrayList<>(accessKeys);
        builder.resourceName = resourceName;
        builder.resourceId = resourceId;
        builder.extraSubjectAltNames = new ArrayList<>(extraSubjectAltNames);
        builder.tlsCertificate = tlsCertificate.orElse(null);
        builder.tlsPrivateKey = tlsPrivateKey.orElse(null);
        builder.strictApiVersion = strictApiVersion;
        builder.strictCallbackUris = strictCallbackUris;
        builder.strictRequests = strictRequests;
        builder.answerDelay = answerDelay;
        builder.ringTimeout = ringTimeout;
        builder.endedCallRetention = endedCallRetention;
        builder.endedCallsRemembered = endedCallsRemembered;
        builder.repeatableRequestsRemembered = repeatableRequestsRemembered;
        builder.participantsPageSize = participantsPageSize;
        builder.maxBodyBytes = maxBodyBytes;
        builder.deliveryRetries = deliveryRetries;
        builder.deliveryInitialBackoff = deliveryInitialBackoff;
        builder.deliveryTimeout = deliveryTimeout;
        builder.callbackTokenIssuer = callbackTokenIssuer;
        builder.clockSkew = clockSkew;
        builder.eventGridSubscriptions = new ArrayList<>(eventGridSubscriptions);
        builder.ownedPhoneNumbers = new ArrayList<>(ownedPhoneNumbers);
        builder.behaviours = new LinkedHashMap<>(behaviours);
        builder.faults = new ArrayList<>(faults);
        builder.clockMode = clockMode;
        builder.virtualEpoch = virtualEpoch;
        builder.virtualIdleGrace = virtualIdleGrace;
        builder.eventGridRetryTimeScale = eventGridRetryTimeScale;
        builder.eventGridLatency = eventGridLatency;
        builder.callbackTokenPerEvent = callbackTokenPerEvent;
        builder.adminToken = adminToken;
        builder.seed = seed.orElse(null);
        builder.logLevel = logLevel;
        builder.headerTimeout = headerTimeout;
        builder.bodyTimeout = bodyTimeout;
        builder.idleTimeout = idleTimeout;
        builder.recordingHost = recordingHost;
        builder.bearerJwks = bearerJwks;
        builder.recordingStorage = recordingStorage;
        builder.recordingRetention = recordingRetention;
        builder.recordingMaxBytes = recordingMaxBytes;
        builder.activity = activity;
        return builder;
    }

    /**
     * The certificate's extra names: those configured, and the recording host when one is set, so the SDKs that
     * download only from {@code *.asm.skype.com} can reach the emulator by that name over TLS.
     */
    public List<String> certificateNames() {
        List<String> names = new ArrayList<>(extraSubjectAltNames);
        if (!recordingHost.isEmpty() && !names.contains(recordingHost)) {
            names.add(recordingHost);
        }
        return names;
    }

    /** The host name to advertise in connection strings (a wildcard bind address is advertised as 127.0.0.1). */
    public String advertisedHost() {
        return "0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : host;
    }

    /** Builder with every default. */
    public static final class Builder {
        String host = "127.0.0.1";
        int httpsPort = 8443;
        int httpPort = 8080;
        Path dataDir = Path.of(System.getProperty("user.home"), ".acs-emulator");
        List<String> accessKeys = new ArrayList<>(List.of(WELL_KNOWN_KEY, WELL_KNOWN_SECONDARY_KEY));
        String resourceName = "acs-emulator";
        String resourceId = "0a5e0000-ca11-4a7e-8000-000000000001";
        List<String> extraSubjectAltNames = new ArrayList<>();
        Path tlsCertificate;
        Path tlsPrivateKey;
        boolean strictApiVersion;
        boolean strictCallbackUris;
        boolean strictRequests;
        Duration answerDelay = Duration.ofMillis(500);
        Duration ringTimeout = Duration.ofSeconds(30);
        Duration endedCallRetention = Duration.ofMinutes(5);
        int endedCallsRemembered = 20_000;
        int repeatableRequestsRemembered = 100_000;
        int participantsPageSize = 100;
        int maxBodyBytes = 1024 * 1024;
        int deliveryRetries = 3;
        Duration deliveryInitialBackoff = Duration.ofSeconds(1);
        Duration deliveryTimeout = Duration.ofSeconds(10);
        String callbackTokenIssuer = "https://acscallautomation.communication.azure.com";
        Duration clockSkew = Duration.ofMinutes(15);
        List<EventGridSubscription> eventGridSubscriptions = new ArrayList<>();
        List<String> ownedPhoneNumbers = new ArrayList<>();
        Map<Identifier, Behaviour> behaviours = new LinkedHashMap<>();
        List<FaultRule> faults = new ArrayList<>();
        ClockMode clockMode = ClockMode.REAL;
        Instant virtualEpoch = Instant.parse("2026-01-01T00:00:00Z");
        Duration virtualIdleGrace = Duration.ofMillis(200);
        double eventGridRetryTimeScale = 1.0;
        Duration eventGridLatency = DEFAULT_EVENT_GRID_LATENCY;
        boolean callbackTokenPerEvent;
        String adminToken;
        Long seed;
        LogLevel logLevel = LogLevel.INFO;
        Duration headerTimeout = Duration.ofSeconds(30);
        Duration bodyTimeout = Duration.ofSeconds(60);
        Duration idleTimeout = Duration.ofMinutes(4);
        String recordingHost = "";
        String bearerJwks = "";
        RecordingStorage recordingStorage = RecordingStorage.DISK;
        /** The service keeps recording files 48 hours (side-channels.md C1). */
        Duration recordingRetention = Duration.ofHours(48);
        long recordingMaxBytes = 1L << 30;
        ActivityStart activity = ActivityStart.ON_FIRST_LOOK;

        public Builder host(String value) { host = value; return this; }
        public Builder httpsPort(int value) { httpsPort = value; return this; }
        public Builder httpPort(int value) { httpPort = value; return this; }
        public Builder dataDir(Path value) { dataDir = value; return this; }
        public Builder accessKeys(List<String> value) { accessKeys = new ArrayList<>(value); return this; }
        public Builder resourceName(String value) { resourceName = value; return this; }
        public Builder resourceId(String value) { resourceId = value; return this; }
        public Builder extraSubjectAltNames(List<String> value) { extraSubjectAltNames = new ArrayList<>(value); return this; }
        public Builder tlsCertificate(Path value) { tlsCertificate = value; return this; }
        public Builder tlsPrivateKey(Path value) { tlsPrivateKey = value; return this; }
        public Builder strictApiVersion(boolean value) { strictApiVersion = value; return this; }
        public Builder strictCallbackUris(boolean value) { strictCallbackUris = value; return this; }
        public Builder strictRequests(boolean value) { strictRequests = value; return this; }
        public Builder answerDelay(Duration value) { answerDelay = value; return this; }
        public Builder ringTimeout(Duration value) { ringTimeout = value; return this; }
        public Builder endedCallRetention(Duration value) { endedCallRetention = value; return this; }
        public Builder endedCallsRemembered(int value) { endedCallsRemembered = value; return this; }
        public Builder repeatableRequestsRemembered(int value) { repeatableRequestsRemembered = value; return this; }
        public Builder participantsPageSize(int value) { participantsPageSize = value; return this; }
        public Builder maxBodyBytes(int value) { maxBodyBytes = value; return this; }
        public Builder deliveryRetries(int value) { deliveryRetries = value; return this; }
        public Builder deliveryInitialBackoff(Duration value) { deliveryInitialBackoff = value; return this; }
        public Builder deliveryTimeout(Duration value) { deliveryTimeout = value; return this; }
        public Builder callbackTokenIssuer(String value) { callbackTokenIssuer = value; return this; }
        public Builder clockSkew(Duration value) { clockSkew = value; return this; }
        public Builder eventGridSubscriptions(List<EventGridSubscription> value) { eventGridSubscriptions = new ArrayList<>(value); return this; }
        public Builder addEventGridSubscription(EventGridSubscription value) { eventGridSubscriptions.add(value); return this; }
        public Builder ownedPhoneNumbers(List<String> value) { ownedPhoneNumbers = new ArrayList<>(value); return this; }
        public Builder behaviours(Map<Identifier, Behaviour> value) { behaviours = new LinkedHashMap<>(value); return this; }
        public Builder behaviour(Identifier identity, Behaviour value) { behaviours.put(identity, value); return this; }
        public Builder faults(List<FaultRule> value) { faults = new ArrayList<>(value); return this; }
        public Builder fault(FaultRule value) { faults.add(value); return this; }
        public Builder clockMode(ClockMode value) { clockMode = value; return this; }
        public Builder virtualEpoch(Instant value) { virtualEpoch = value; return this; }
        public Builder virtualIdleGrace(Duration value) { virtualIdleGrace = value; return this; }
        public Builder eventGridRetryTimeScale(double value) { eventGridRetryTimeScale = value; return this; }
        public Builder eventGridLatency(Duration value) { eventGridLatency = value; return this; }
        public Builder callbackTokenPerEvent(boolean value) { callbackTokenPerEvent = value; return this; }
        public Builder adminToken(String value) { adminToken = value == null || value.isEmpty() ? null : value; return this; }
        public Builder seed(Long value) { seed = value; return this; }
        public Builder logLevel(LogLevel value) { logLevel = java.util.Objects.requireNonNull(value); return this; }
        public Builder headerTimeout(Duration value) { headerTimeout = positive(value, "headerTimeout"); return this; }
        public Builder bodyTimeout(Duration value) { bodyTimeout = positive(value, "bodyTimeout"); return this; }
        public Builder idleTimeout(Duration value) { idleTimeout = positive(value, "idleTimeout"); return this; }

        private static Duration positive(Duration value, String name) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }
        public Builder recordingHost(String value) { recordingHost = java.util.Objects.requireNonNull(value); return this; }
        public Builder bearerJwks(String value) { bearerJwks = value == null ? "" : value.trim(); return this; }
        public Builder recordingStorage(RecordingStorage value) { recordingStorage = java.util.Objects.requireNonNull(value); return this; }
        public Builder recordingRetention(Duration value) { recordingRetention = positive(value, "recordingRetention"); return this; }
        public Builder activity(ActivityStart value) { activity = java.util.Objects.requireNonNull(value); return this; }
        public Builder recordingMaxBytes(long value) {
            if (value < 1) {
                throw new IllegalArgumentException("recordingMaxBytes must be positive, got " + value);
            }
            recordingMaxBytes = value;
            return this;
        }

        /**
         * Sets an option the way the command line does: by flag ({@code --clock}), by name ({@code clock}) or as
         * {@code --name=value}, with the value as text; any option {@code --help} lists.
         */
        public Builder option(String nameOrFlag, String value) {
            String name = nameOrFlag.startsWith("--") ? nameOrFlag : null;
            ConfigOptions.Option option = ConfigOptions.ALL.stream()
                    .filter(candidate -> candidate.name().equals(nameOrFlag) || candidate.flag().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown option " + nameOrFlag));
            option.apply().accept(this, value);
            return this;
        }

        /** Applies command-line style arguments, {@code --name=value} each. */
        public Builder options(String... arguments) {
            for (String argument : arguments) {
                int equals = argument.indexOf('=');
                if (!argument.startsWith("--") || equals < 0) {
                    throw new IllegalArgumentException("Options look like --name=value, not " + argument);
                }
                option(argument.substring(0, equals), argument.substring(equals + 1));
            }
            return this;
        }

        public EmulatorConfig build() {
            if (accessKeys.isEmpty() || accessKeys.size() > 2) {
                throw new IllegalArgumentException("accessKeys takes one or two base64 keys");
            }
            return new EmulatorConfig(host, httpsPort, httpPort, dataDir, accessKeys, resourceName, resourceId,
                    extraSubjectAltNames, Optional.ofNullable(tlsCertificate), Optional.ofNullable(tlsPrivateKey),
                    strictApiVersion, strictCallbackUris, strictRequests, answerDelay, ringTimeout,
                    endedCallRetention, endedCallsRemembered, repeatableRequestsRemembered, participantsPageSize, maxBodyBytes, deliveryRetries, deliveryInitialBackoff, deliveryTimeout,
                    callbackTokenIssuer, clockSkew, eventGridSubscriptions, ownedPhoneNumbers, behaviours,
                    faults, clockMode, virtualEpoch, virtualIdleGrace,
                    eventGridRetryTimeScale, eventGridLatency, callbackTokenPerEvent, adminToken,
                    Optional.ofNullable(seed), logLevel, headerTimeout, bodyTimeout, idleTimeout,
                    recordingHost, bearerJwks, recordingStorage, recordingRetention, recordingMaxBytes,
                    activity);
        }
    }
}
