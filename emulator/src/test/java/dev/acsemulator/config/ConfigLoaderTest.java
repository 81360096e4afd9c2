package dev.acsemulator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.acsemulator.delivery.eventgrid.EventGridSubscription;
import dev.acsemulator.events.EventGridEventType;
import dev.acsemulator.logging.LogLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** defaults ← file ← environment ← flags. */
class ConfigLoaderTest {

    @TempDir
    Path dir;

    private static EmulatorConfig load(Map<String, String> environment, String... args) throws IOException {
        return ConfigLoader.load(args, environment);
    }

    private Path file(String json) throws IOException {
        Path file = Files.createTempFile(dir, "emulator", ".json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void withNothingGivenEveryOptionHasItsDefault() throws IOException {
        EmulatorConfig config = load(Map.of());

        assertThat(config).isEqualTo(EmulatorConfig.builder().build());
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.httpsPort()).isEqualTo(8443);
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.dataDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".acs-emulator"));
        assertThat(config.accessKeys()).containsExactly(EmulatorConfig.WELL_KNOWN_KEY,
                EmulatorConfig.WELL_KNOWN_SECONDARY_KEY);
        assertThat(config.resourceName()).isEqualTo("acs-emulator");
        assertThat(config.resourceId()).isEqualTo("0a5e0000-ca11-4a7e-8000-000000000001");
        assertThat(config.extraSubjectAltNames()).isEmpty();
        assertThat(config.tlsCertificate()).isEmpty();
        assertThat(config.tlsPrivateKey()).isEmpty();
        assertThat(config.strictApiVersion()).isFalse();
        assertThat(config.strictCallbackUris()).isFalse();
        assertThat(config.strictRequests()).isFalse();
        assertThat(config.answerDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.ringTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.participantsPageSize()).isEqualTo(100);
        assertThat(config.maxBodyBytes()).isEqualTo(1_048_576);
        assertThat(config.deliveryRetries()).isEqualTo(3);
        assertThat(config.deliveryInitialBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.deliveryTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.callbackTokenIssuer()).isEqualTo("https://acscallautomation.communication.azure.com");
        assertThat(config.clockSkew()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.eventGridSubscriptions()).isEmpty();
        assertThat(config.ownedPhoneNumbers()).isEmpty();
        assertThat(config.seed()).isEmpty();
        assertThat(config.logLevel()).isEqualTo(LogLevel.INFO);
    }

    @Test
    void theLogLevelComesFromTheFlagTheVariableOrTheFileInAnyCase() throws IOException {
        assertThat(load(Map.of(), "--log-level=WARN").logLevel()).isEqualTo(LogLevel.WARN);
        assertThat(load(Map.of("ACS_EMULATOR_LOG_LEVEL", "off")).logLevel()).isEqualTo(LogLevel.OFF);
        assertThat(load(Map.of(), "--config=" + file("{\"logLevel\": \"trace\"}")).logLevel())
                .isEqualTo(LogLevel.TRACE);
    }

    @Test
    void anUnknownLogLevelIsRefusedWithWhereItCameFromAndTheAcceptedValues() throws IOException {
        assertThatThrownBy(() -> load(Map.of(), "--log-level=verbose"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value 'verbose' for --log-level: expected one of off, error, warn, info, debug,"
                        + " trace, got 'verbose'");
        assertThatThrownBy(() -> load(Map.of("ACS_EMULATOR_LOG_LEVEL", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ACS_EMULATOR_LOG_LEVEL").hasMessageContaining("expected one of");
        Path file = file("{\"logLevel\": 3}");
        assertThatThrownBy(() -> load(Map.of(), "--config=" + file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("logLevel").hasMessageContaining("'3'");
    }

    @Test
    void everyDocumentedDefaultIsTheRealDefault() throws IOException {
        List<String> flags = ConfigOptions.ALL.stream()
                .filter(option -> !option.name().equals("accessKeys"))
                .map(option -> option.flag() + "=" + option.defaultValue())
                .toList();

        assertThat(load(Map.of(), flags.toArray(String[]::new))).isEqualTo(load(Map.of()));
    }

    @Test
    void theEnvironmentOverridesTheFileAndFlagsOverrideBoth() throws IOException {
        Path file = file("{\"httpsPort\": 1001, \"httpPort\": 2001, \"host\": \"0.0.0.0\"}");
        Map<String, String> environment = Map.of("ACS_EMULATOR_CONFIG", file.toString(),
                "ACS_EMULATOR_HTTPS_PORT", "1002", "ACS_EMULATOR_HTTP_PORT", "2002");

        EmulatorConfig config = load(environment, "--https-port=1003");

        assertThat(config.httpsPort()).isEqualTo(1003);
        assertThat(config.httpPort()).isEqualTo(2002);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.resourceName()).isEqualTo("acs-emulator");
    }

    @Test
    void theConfigFlagNamesTheFileAndWinsOverTheEnvironmentsFile() throws IOException {
        Path fromEnvironment = file("{\"resourceName\": \"from-env-file\"}");
        Path fromFlag = file("{\"resourceName\": \"from-flag-file\"}");

        EmulatorConfig config = load(Map.of("ACS_EMULATOR_CONFIG", fromEnvironment.toString()),
                "--config=" + fromFlag);

        assertThat(config.resourceName()).isEqualTo("from-flag-file");
    }

    @Test
    void theLastOfARepeatedFlagWins() throws IOException {
        assertThat(load(Map.of(), "--http-port=1", "--http-port=2").httpPort()).isEqualTo(2);
    }

    @Test
    void aFlagValueMayItselfContainAnEqualsSign() throws IOException {
        assertThat(load(Map.of(), "--callback-token-issuer=https://issuer.example/?tenant=a=b")
                .callbackTokenIssuer()).isEqualTo("https://issuer.example/?tenant=a=b");
    }

    @Test
    void aBooleanFlagWithoutAValueIsTrue() throws IOException {
        EmulatorConfig config = load(Map.of(), "--strict-requests", "--strict-api-version=FALSE",
                "--strict-callback-uris=True");

        assertThat(config.strictRequests()).isTrue();
        assertThat(config.strictApiVersion()).isFalse();
        assertThat(config.strictCallbackUris()).isTrue();
    }

    @Test
    void anUnknownFlagIsRefusedByName() {
        assertThatThrownBy(() -> load(Map.of(), "--https-prot=9443"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown option --https-prot");
    }

    @Test
    void aCamelCaseFlagIsUnknown() {
        assertThatThrownBy(() -> load(Map.of(), "--httpsPort=9443"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--httpsPort");
    }

    @Test
    void anUnknownFileKeyIsRefusedWithTheKeyAndTheFile() throws IOException {
        Path file = file("{\"httpsPort\": 9443, \"https-port\": 9444}");

        assertThatThrownBy(() -> load(Map.of(), "--config=" + file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'https-port'")
                .hasMessageContaining(file.toString());
    }

    @Test
    void aFileThatIsNotAJsonObjectIsRefused() throws IOException {
        Path file = file("[1, 2]");

        assertThatThrownBy(() -> load(Map.of(), "--config=" + file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must hold a JSON object");
    }

    @Test
    void aBadValueNamesTheFlagTheVariableOrTheFileKeyItCameFrom() throws IOException {
        Path file = file("{\"participantsPageSize\": \"many\"}");

        assertThatThrownBy(() -> load(Map.of(), "--https-port=abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'abc'").hasMessageContaining("--https-port");
        assertThatThrownBy(() -> load(Map.of("ACS_EMULATOR_HTTP_PORT", "eighty")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'eighty'").hasMessageContaining("ACS_EMULATOR_HTTP_PORT");
        assertThatThrownBy(() -> load(Map.of(), "--config=" + file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'many'").hasMessageContaining("participantsPageSize");
    }

    @Test
    void aBooleanMustBeTrueOrFalse() {
        assertThatThrownBy(() -> load(Map.of(), "--strict-requests=yes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected true or false");
    }

    @ParameterizedTest
    @CsvSource({
            "PT2S, 2000",
            "pt1m, 60000",
            "PT0.25S, 250",
            "250, 250",
            "0, 0",
            "P1D, 86400000"
    })
    void durationsAreIso8601OrMilliseconds(String value, long millis) throws IOException {
        assertThat(load(Map.of(), "--answer-delay=" + value).answerDelay()).isEqualTo(Duration.ofMillis(millis));
        assertThat(load(Map.of("ACS_EMULATOR_RING_TIMEOUT", value)).ringTimeout())
                .isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void aDurationInTheFileMayBeANumberOfMilliseconds() throws IOException {
        Path file = file("{\"deliveryTimeout\": 750, \"deliveryInitialBackoff\": \"PT0.1S\"}");

        EmulatorConfig config = load(Map.of(), "--config=" + file);

        assertThat(config.deliveryTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(config.deliveryInitialBackoff()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aDurationInAnotherNotationIsRefused() {
        assertThatThrownBy(() -> load(Map.of(), "--ring-timeout=30s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--ring-timeout");
    }

    @Test
    void listsAreCommaSeparatedInFlagsAndArraysInTheFile() throws IOException {
        Path file = file("{\"ownedPhoneNumbers\": [\"+18005550100\", \"+18005550101\"],"
                + " \"accessKeys\": [\"a2V5LW9uZQ==\"]}");

        EmulatorConfig config = load(Map.of(), "--config=" + file, "--subject-alt-names= emulator.test , ,192.0.2.7");

        assertThat(config.ownedPhoneNumbers()).containsExactly("+18005550100", "+18005550101");
        assertThat(config.accessKeys()).containsExactly("a2V5LW9uZQ==");
        assertThat(config.extraSubjectAltNames()).containsExactly("emulator.test", "192.0.2.7");
    }

    @Test
    void moreThanTwoAccessKeysAreRefused() {
        assertThatThrownBy(() -> load(Map.of(), "--access-keys=a2V5MQ==,a2V5Mg==,a2V5Mw=="))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one or two");
    }

    @Test
    void anEmptySeedOrCertificateMeansNone() throws IOException {
        EmulatorConfig config = load(Map.of("ACS_EMULATOR_SEED", "42"), "--tls-certificate=", "--seed=");
        EmulatorConfig seeded = load(Map.of("ACS_EMULATOR_SEED", "42"),
                "--tls-certificate=" + dir.resolve("cert.pem"));

        assertThat(config.seed()).isEmpty();
        assertThat(config.tlsCertificate()).isEmpty();
        assertThat(seeded.seed()).contains(42L);
        assertThat(seeded.tlsCertificate()).contains(dir.resolve("cert.pem"));
    }

    @Test
    void aLeadingTildeInTheDataDirIsTheHomeDirectory() throws IOException {
        assertThat(load(Map.of(), "--data-dir=~/emulator-data").dataDir())
                .isEqualTo(Path.of(System.getProperty("user.home") + "/emulator-data"));
        assertThat(load(Map.of(), "--data-dir=/srv/a~b").dataDir()).isEqualTo(Path.of("/srv/a~b"));
    }

    @Test
    void aTildeExpandsToAWindowsHomeDirectoryVerbatim() throws IOException {
        String home = System.getProperty("user.home");
        System.setProperty("user.home", "C:\\Users\\dev");
        try {
            assertThat(load(Map.of(), "--data-dir=~/emulator-data").dataDir())
                    .isEqualTo(Path.of("C:\\Users\\dev/emulator-data"));
        } finally {
            System.setProperty("user.home", home);
        }
    }

    @Test
    void aFlagThatOnlyStartsWithConfigIsUnknown() {
        assertThatThrownBy(() -> load(Map.of(), "--config-file=emulator.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown option --config-file");
    }

    @Test
    void eventGridSubscriptionsComeFromTheFile() throws IOException {
        Path file = file("""
                {
                  "eventGridSubscriptions": [
                    {"name": "incoming-all", "endpoint": "https://app.example/api/incoming"},
                    {"name": "incoming-sales", "endpoint": "http://127.0.0.1:7071/api/incoming",
                     "toRawIds": ["4:+18005550100"], "toRawIdPrefixes": ["8:acs:sales_"]}
                  ]
                }
                """);

        EmulatorConfig config = load(Map.of(), "--config=" + file);

        assertThat(config.eventGridSubscriptions()).containsExactly(
                new EventGridSubscription("incoming-all", "https://app.example/api/incoming", List.of(), List.of()),
                new EventGridSubscription("incoming-sales", "http://127.0.0.1:7071/api/incoming",
                        List.of("4:+18005550100"), List.of("8:acs:sales_")));
    }

    @Test
    void aSubscriptionInTheFileMayIncludeOtherEventTypes() throws IOException {
        Path file = file("""
                {"eventGridSubscriptions": [{"name": "recordings", "endpoint": "https://app.example/api/recordings",
                  "includedEventTypes": ["Microsoft.Communication.RecordingFileStatusUpdated"]}]}
                """);

        EmulatorConfig config = load(Map.of(), "--config=" + file);

        assertThat(config.eventGridSubscriptions().get(0).includedEventTypes())
                .containsExactly(EventGridEventType.RECORDING_FILE_STATUS_UPDATED);
    }

    @Test
    void aSubscriptionInTheFileNamingAnUnknownEventTypeIsRefused() throws IOException {
        Path file = file("""
                {"eventGridSubscriptions": [{"name": "chat", "endpoint": "https://app.example/api/chat",
                  "includedEventTypes": ["Microsoft.Communication.ChatMessageReceived"]}]}
                """);

        assertThatThrownBy(() -> load(Map.of(), "--config=" + file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Microsoft.Communication.ChatMessageReceived");
    }

    @Test
    void eventGridLatencyIsHalfASecondUnlessSetAndNeverNegative() throws IOException {
        assertThat(load(Map.of()).eventGridLatency()).isEqualTo(Duration.ofMillis(500));
        assertThat(load(Map.of("ACS_EMULATOR_EVENT_GRID_LATENCY", "PT0S")).eventGridLatency())
                .isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> load(Map.of(), "--event-grid-latency=PT-1S"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eventGridLatency");
    }

    @Test
    void anEventGridSubscriptionWithoutAnEndpointIsRefused() throws IOException {
        Path file = file("{\"eventGridSubscriptions\": [{\"name\": \"incoming\"}]}");

        assertThatThrownBy(() -> load(Map.of(), "--config=" + file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a 'name' and an 'endpoint'");
    }

    @ParameterizedTest
    @CsvSource({
            "host, --host, ACS_EMULATOR_HOST",
            "httpsPort, --https-port, ACS_EMULATOR_HTTPS_PORT",
            "httpPort, --http-port, ACS_EMULATOR_HTTP_PORT",
            "dataDir, --data-dir, ACS_EMULATOR_DATA_DIR",
            "accessKeys, --access-keys, ACS_EMULATOR_ACCESS_KEYS",
            "subjectAltNames, --subject-alt-names, ACS_EMULATOR_SUBJECT_ALT_NAMES",
            "tlsPrivateKey, --tls-private-key, ACS_EMULATOR_TLS_PRIVATE_KEY",
            "strictApiVersion, --strict-api-version, ACS_EMULATOR_STRICT_API_VERSION",
            "deliveryInitialBackoff, --delivery-initial-backoff, ACS_EMULATOR_DELIVERY_INITIAL_BACKOFF",
            "ownedPhoneNumbers, --owned-phone-numbers, ACS_EMULATOR_OWNED_PHONE_NUMBERS",
            "seed, --seed, ACS_EMULATOR_SEED"
    })
    void flagAndEnvironmentNamesAreDerivedFromTheOptionName(String name, String flag, String variable) {
        ConfigOptions.Option option = ConfigOptions.named(name);

        assertThat(option.flag()).isEqualTo(flag);
        assertThat(option.environmentVariable()).isEqualTo(variable);
    }

    @Test
    void everyOptionHasAKebabFlagAnUpperSnakeVariableAndADescription() {
        assertThat(ConfigOptions.ALL).allSatisfy(option -> {
            assertThat(option.flag()).matches("--[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(option.environmentVariable()).matches("ACS_EMULATOR_[A-Z0-9]+(_[A-Z0-9]+)*");
            assertThat(option.flag().substring(2).replace('-', '_').toUpperCase())
                    .isEqualTo(option.environmentVariable().substring("ACS_EMULATOR_".length()));
            assertThat(option.description()).isNotBlank();
            assertThat(option.defaultValue()).isNotNull();
        });
        assertThat(ConfigOptions.ALL).extracting(ConfigOptions.Option::name).doesNotHaveDuplicates();
        assertThat(ConfigOptions.ALL).extracting(ConfigOptions.Option::flag).doesNotHaveDuplicates()
                .doesNotContain("--config", "--help");
    }

    /** A value other than the default for every option; a new option needs one here. */
    private static final Map<String, String> SAMPLES = Map.ofEntries(
            Map.entry("host", "0.0.0.0"), Map.entry("httpsPort", "9443"), Map.entry("httpPort", "9080"),
            Map.entry("dataDir", "/srv/emulator"), Map.entry("accessKeys", "a2V5LW9uZQ==,a2V5LXR3bw=="),
            Map.entry("adminToken", "s3cret"), Map.entry("clock", "virtual"),
            Map.entry("virtualEpoch", "2030-05-01T10:00:00Z"), Map.entry("virtualIdleGrace", "PT0.05S"),
            Map.entry("eventGridRetryTimeScale", "0.01"), Map.entry("eventGridLatency", "PT0.02S"),
            Map.entry("callbackTokenPerEvent", "true"),
            Map.entry("resourceName", "contoso"), Map.entry("resourceId", "11111111-2222-3333-4444-555555555555"),
            Map.entry("subjectAltNames", "emulator.test,192.0.2.7"), Map.entry("tlsCertificate", "/srv/cert.pem"),
            Map.entry("tlsPrivateKey", "/srv/key.pem"), Map.entry("strictApiVersion", "true"),
            Map.entry("strictCallbackUris", "true"), Map.entry("strictRequests", "true"),
            Map.entry("answerDelay", "PT2S"), Map.entry("ringTimeout", "1500"), Map.entry("endedCallRetention", "PT1M"),
            Map.entry("endedCallsRemembered", "500"), Map.entry("repeatableRequestsRemembered", "900"),
            Map.entry("participantsPageSize", "7"), Map.entry("maxBodyBytes", "4096"),
            Map.entry("deliveryRetries", "0"), Map.entry("deliveryInitialBackoff", "PT0.2S"),
            Map.entry("deliveryTimeout", "PT3S"), Map.entry("callbackTokenIssuer", "https://issuer.example"),
            Map.entry("clockSkew", "PT1M"), Map.entry("ownedPhoneNumbers", "+18005550100"),
            Map.entry("seed", "42"), Map.entry("logLevel", "debug"),
            Map.entry("headerTimeout", "PT5S"), Map.entry("bodyTimeout", "PT7S"), Map.entry("idleTimeout", "PT9S"),
            Map.entry("recordingHost", "acs-emulator.asm.skype.com"), Map.entry("bearerJwks", "/srv/jwks.json"),
            Map.entry("recordingStorage", "memory"), Map.entry("recordingRetention", "PT2H"),
            Map.entry("recordingMaxBytes", "1048576"), Map.entry("activity", "always"));

    @Test
    void everyOptionCanBeSetByFlagVariableAndFileAlike() throws IOException {
        EmulatorConfig defaults = load(Map.of());
        for (ConfigOptions.Option option : ConfigOptions.ALL) {
            assertThat(SAMPLES).as("a sample value for %s", option.name()).containsKey(option.name());
            String value = SAMPLES.get(option.name());
            Path file = file("{\"" + option.name() + "\": \"" + value + "\"}");

            EmulatorConfig byFlag = load(Map.of(), option.flag() + "=" + value);
            EmulatorConfig byVariable = load(Map.of(option.environmentVariable(), value));
            EmulatorConfig byFile = load(Map.of(), "--config=" + file);

            assertThat(byFlag).as(option.name()).isNotEqualTo(defaults);
            assertThat(byVariable).as(option.name()).isEqualTo(byFlag);
            assertThat(byFile).as(option.name()).isEqualTo(byFlag);
        }
    }

    @Test
    void theNamedLookupFindsEveryOptionAndNothingElse() {
        assertThat(ConfigOptions.ALL).allSatisfy(option ->
                assertThat(ConfigOptions.named(option.name())).isSameAs(option));
        assertThat(ConfigOptions.named("https-port")).isNull();
        assertThat(ConfigOptions.named("eventGridSubscriptions")).isNull();
    }
}
