package dev.acsemulator.config;

import dev.acsemulator.logging.LogLevel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Every scalar option: its name in the config file ({@code camelCase}), as a flag ({@code --kebab-case=value}) and as
 * an environment variable ({@code ACS_EMULATOR_UPPER_SNAKE}), with its default and meaning. README's configuration
 * table is this list.
 */
public final class ConfigOptions {

    /** One option. */
    public record Option(String name, String defaultValue, String description,
                         BiConsumer<EmulatorConfig.Builder, String> apply) {

        public String flag() {
            return "--" + name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
        }

        public String environmentVariable() {
            return "ACS_EMULATOR_" + name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase();
        }
    }

    public static final List<Option> ALL = List.of(
            new Option("host", "127.0.0.1", "Address to listen on (0.0.0.0 in containers).", EmulatorConfig.Builder::host),
            new Option("httpsPort", "8443", "HTTPS port (0: any free port, -1: off).",
                    (b, v) -> b.httpsPort(Integer.parseInt(v))),
            new Option("httpPort", "8080", "Plain HTTP port (0: any free port, -1: off).",
                    (b, v) -> b.httpPort(Integer.parseInt(v))),
            new Option("dataDir", "~/.acs-emulator", "Where the certificate, truststores, signing key and recording "
                    + "files are kept.",
                    (b, v) -> b.dataDir(Path.of(v.startsWith("~") ? System.getProperty("user.home") + v.substring(1)
                            : v))),
            new Option("accessKeys", "the two well-known keys", "One or two base64 access keys, comma-separated.",
                    (b, v) -> b.accessKeys(list(v))),
            new Option("resourceName", "acs-emulator", "Name of the emulated ACS resource.",
                    EmulatorConfig.Builder::resourceName),
            new Option("resourceId", "0a5e0000-ca11-4a7e-8000-000000000001",
                    "Immutable id of the emulated resource: the callback JWT audience and ACS user id prefix.",
                    EmulatorConfig.Builder::resourceId),
            new Option("subjectAltNames", "", "Extra certificate names (DNS names or IPs), comma-separated.",
                    (b, v) -> b.extraSubjectAltNames(list(v))),
            new Option("tlsCertificate", "", "PEM certificate (chain) to serve instead of the generated one.",
                    (b, v) -> b.tlsCertificate(v.isEmpty() ? null : Path.of(v))),
            new Option("tlsPrivateKey", "", "PEM (PKCS#8 or PKCS#1) private key of tlsCertificate.",
                    (b, v) -> b.tlsPrivateKey(v.isEmpty() ? null : Path.of(v))),
            new Option("strictApiVersion", "false", "Reject well-formed api-versions the emulator does not know.",
                    (b, v) -> b.strictApiVersion(bool(v))),
            new Option("strictCallbackUris", "false", "Require https callback URIs, as the real service does.",
                    (b, v) -> b.strictCallbackUris(bool(v))),
            new Option("strictRequests", "false", "Reject unknown request body fields (the service ignores them).",
                    (b, v) -> b.strictRequests(bool(v))),
            new Option("answerDelay", "PT0.5S", "How long simulated people take to answer (ISO-8601 or ms).",
                    (b, v) -> b.answerDelay(duration(v))),
            new Option("ringTimeout", "PT30S", "How long an invitation rings before it fails.",
                    (b, v) -> b.ringTimeout(duration(v))),
            new Option("endedCallRetention", "PT5M", "How long an ended call is remembered before it is forgotten.",
                    (b, v) -> b.endedCallRetention(duration(v))),
            new Option("endedCallsRemembered", "20000",
                    "At most this many ended calls are remembered; beyond it the oldest is forgotten early.",
                    (b, v) -> b.endedCallsRemembered(positive(v))),
            new Option("repeatableRequestsRemembered", "100000",
                    "At most this many Repeatability-Request-IDs are remembered; beyond it the oldest is forgotten early.",
                    (b, v) -> b.repeatableRequestsRemembered(positive(v))),
            new Option("participantsPageSize", "100", "Participants per page of GetParticipants.",
                    (b, v) -> b.participantsPageSize(Integer.parseInt(v))),
            new Option("maxBodyBytes", "1048576", "Largest accepted request body.",
                    (b, v) -> b.maxBodyBytes(Integer.parseInt(v))),
            new Option("headerTimeout", "PT30S", "How long a client may take to send a request's headers; then 408 "
                    + "and the connection closes.", (b, v) -> b.headerTimeout(duration(v))),
            new Option("bodyTimeout", "PT60S", "How long a client may take to send a request's body after its "
                    + "headers; then 408 and the connection closes.", (b, v) -> b.bodyTimeout(duration(v))),
            new Option("idleTimeout", "PT4M", "How long a connection with no request in progress stays open.",
                    (b, v) -> b.idleTimeout(duration(v))),
            new Option("deliveryRetries", "3", "Retries of a failed callback POST (5xx, 408, 429, timeouts).",
                    (b, v) -> b.deliveryRetries(Integer.parseInt(v))),
            new Option("deliveryInitialBackoff", "PT1S", "First retry delay; doubles each retry, at most 30 s.",
                    (b, v) -> b.deliveryInitialBackoff(duration(v))),
            new Option("deliveryTimeout", "PT10S", "How long a callback POST may take.",
                    (b, v) -> b.deliveryTimeout(duration(v))),
            new Option("callbackTokenIssuer", "https://acscallautomation.communication.azure.com",
                    "iss of the callback JWTs.", EmulatorConfig.Builder::callbackTokenIssuer),
            new Option("clockSkew", "PT15M", "Allowed difference between x-ms-date and the emulator's clock.",
                    (b, v) -> b.clockSkew(duration(v))),
            new Option("ownedPhoneNumbers", "", "Phone numbers the resource owns: calls to them raise IncomingCall, and they are "
                    + "the only caller ids a call to a phone number may show.",
                    (b, v) -> b.ownedPhoneNumbers(list(v))),
            new Option("clock", "real", "real, virtual (idle time jumps to the next timer) or manual "
                    + "(advanced through /admin/clock:advance).",
                    (b, v) -> b.clockMode(EmulatorConfig.ClockMode.valueOf(v.toUpperCase(java.util.Locale.ROOT)))),
            new Option("virtualEpoch", "2026-01-01T00:00:00Z", "Where virtual time starts.",
                    (b, v) -> b.virtualEpoch(java.time.Instant.parse(v))),
            new Option("virtualIdleGrace", "PT0.2S", "How long the emulator must be idle before virtual time jumps.",
                    (b, v) -> b.virtualIdleGrace(duration(v))),
            new Option("eventGridRetryTimeScale", "1.0", "Compresses Event Grid's retry schedule (10 s, 30 s, 1 min, "
                    + "...): 0.01 makes 10 s into 100 ms.", (b, v) -> b.eventGridRetryTimeScale(Double.parseDouble(v))),
            new Option("eventGridLatency", "PT0.5S", "How long Event Grid takes to deliver an IncomingCall (ISO-8601); "
                    + "it never arrives before the answer to the request that raised it.",
                    (b, v) -> b.eventGridLatency(duration(v))),
            new Option("callbackTokenPerEvent", "false", "Sign a new callback JWT for every event, as the service does "
                    + "(default: one token per audience and second; DEVIATIONS 14).",
                    (b, v) -> b.callbackTokenPerEvent(bool(v))),
            new Option("adminToken", "", "If set, the control API (/admin) needs 'Authorization: Bearer <token>'.",
                    EmulatorConfig.Builder::adminToken),
            new Option("seed", "", "Seed for ids and random decisions; empty: random.",
                    (b, v) -> b.seed(v.isEmpty() ? null : Long.parseLong(v))),
            new Option("logLevel", "info", "How much the emulator logs: " + LogLevel.names() + ". info writes one "
                    + "line per request (logger dev.acsemulator.access) and per callback or Event Grid delivery "
                    + "attempt (dev.acsemulator.delivery); warn only failures.",
                    (b, v) -> b.logLevel(LogLevel.parse(v))),
            new Option("recordingHost", "", "Host name recording file URLs carry (e.g. acs-emulator.asm.skype.com, "
                    + "mapped to the emulator in the hosts file); empty: the emulator's own host. Added to the "
                    + "certificate.", EmulatorConfig.Builder::recordingHost),
            new Option("bearerJwks", "", "A JWKS file or http(s) URL: bearer tokens' signatures are then verified "
                    + "with the key their kid names (RSA and EC; a URL is fetched at start and again, at most once a "
                    + "minute, for an unknown kid); empty: signatures unchecked (DEVIATIONS 3).",
                    EmulatorConfig.Builder::bearerJwks),
            new Option("recordingStorage", "disk", "Where recording files are kept: disk (the data directory's "
                    + "recordings/, listed again after a restart) or memory (gone at stop).",
                    (b, v) -> b.recordingStorage(EmulatorConfig.RecordingStorage.valueOf(
                            v.toUpperCase(java.util.Locale.ROOT)))),
            new Option("recordingRetention", "PT48H", "How long a recording file is kept after its recording "
                    + "stopped (the service: 48 hours); then it is deleted.",
                    (b, v) -> b.recordingRetention(duration(v))),
            new Option("recordingMaxBytes", "1073741824", "The most bytes the recording files together may take; "
                    + "beyond it the oldest are deleted first (the newest is always kept).",
                    (b, v) -> b.recordingMaxBytes(Long.parseLong(v))),
            new Option("activity", "on-first-look", "When the dashboard's activity of the calls is recorded: "
                    + "on-first-look (from the first time someone opens the page, the feed or a call's activity; "
                    + "calls remembered then are rebuilt from their journals, without the REST requests before) or "
                    + "always (from the start, every call in full, at a cost on every request and event).",
                    (b, v) -> b.activity(EmulatorConfig.ActivityStart.parse(v))));

    private ConfigOptions() {
    }

    public static Option named(String name) {
        return ALL.stream().filter(option -> option.name().equals(name)).findFirst().orElse(null);
    }

    static Duration duration(String value) {
        return value.startsWith("P") || value.startsWith("p") ? Duration.parse(value)
                : Duration.ofMillis(Long.parseLong(value));
    }

    static int positive(String value) {
        int number = Integer.parseInt(value);
        if (number < 1) {
            throw new IllegalArgumentException("expected a positive number, got " + value);
        }
        return number;
    }

    static boolean bool(String value) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("expected true or false, got " + value);
        }
        return Boolean.parseBoolean(value);
    }

    static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }
}
