package dev.acsemulator.testcontainers;

import dev.acsemulator.admin.client.ControlClient;
import dev.acsemulator.admin.client.HttpControlTransport;
import org.testcontainers.Testcontainers;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The ACS Call Automation emulator in a container, shaped like the Azure emulators' containers of
 * {@code org.testcontainers:azure} ({@code AzuriteContainer}, {@code EventHubsEmulatorContainer}):
 *
 * <pre>{@code
 * try (CallAutomationEmulatorContainer emulator = new CallAutomationEmulatorContainer("acs-emulator:latest")) {
 *     emulator.start();
 *     CallAutomationClient client = new CallAutomationClientBuilder()
 *             .connectionString(emulator.getConnectionString())
 *             .httpClient(...trusting emulator.createSslContext() or emulator.getCertificate()...)
 *             .buildClient();
 * }
 * }</pre>
 *
 * <p><b>Networking.</b> By default the emulator's ports 8443 (HTTPS) and 8080 (HTTP) are published on random host
 * ports, and callbacks reach the test's own webhooks through Testcontainers' host-port exposure:
 * {@link #getHostCallbackUrl(int, String)} exposes the port and answers
 * {@code http://host.testcontainers.internal:PORT/path} (call it before {@code start()}, or set
 * {@code withAccessToHost(true)}). With {@link #withHostNetwork()} the container shares the host's network instead
 * (Linux): it listens on 127.0.0.1 on free ports and calls back on {@code http://127.0.0.1:PORT/path}.
 *
 * <p><b>Trust.</b> The emulator generates a self-signed certificate in its {@code /data} volume on first start, with
 * the Docker host's name among its subject alternative names. {@link #getCertificate()}, {@link #getTrustStore()},
 * {@link #writeTrustStore(Path)} and {@link #createSslContext()} hand it to the client.
 *
 * <p><b>Configuration.</b> Options are {@code ACS_EMULATOR_*} environment variables ({@code docker run IMAGE --help}
 * lists them); the helpers here set the common ones. Event Grid subscriptions (who receives IncomingCall) exist only
 * in the config file: {@link #withEventGridSubscription} builds one, {@link #withConfig(String)} supplies your own.
 */
public class CallAutomationEmulatorContainer extends GenericContainer<CallAutomationEmulatorContainer> {

    /** The image docker/build-image.sh builds. */
    public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("acs-emulator");

    public static final int HTTPS_PORT = 8443;
    public static final int HTTP_PORT = 8080;

    /** The well-known primary access key (public, for local use only). */
    public static final String WELL_KNOWN_ACCESS_KEY = "Y2FsbC1hdXRvbWF0aW9uLWVtdWxhdG9yLWtleS0wMDE=";
    public static final String DEFAULT_RESOURCE_ID = "0a5e0000-ca11-4a7e-8000-000000000001";
    /** Password of the exported truststores. */
    public static final String TRUSTSTORE_PASSWORD = "changeit";

    static final String DATA_DIR = "/data";
    static final String CONFIG_PATH = "/etc/acs-emulator/config.json";
    static final String HOST_INTERNAL = "host.testcontainers.internal";

    private final List<EventGridSubscription> subscriptions = new ArrayList<>();
    private String configJson;
    private boolean hostNetwork;
    private int hostHttpsPort;
    private int hostHttpPort;
    private X509Certificate certificate;

    public CallAutomationEmulatorContainer(String dockerImageName) {
        this(DockerImageName.parse(dockerImageName));
    }

    public CallAutomationEmulatorContainer(DockerImageName dockerImageName) {
        super(dockerImageName);
        dockerImageName.assertCompatibleWith(DEFAULT_IMAGE_NAME);
        withExposedPorts(HTTPS_PORT, HTTP_PORT);
        withEnv("ACS_EMULATOR_DATA_DIR", DATA_DIR);
        // A test's container forgets its recordings with it; withEnv("ACS_EMULATOR_RECORDING_STORAGE", "disk") keeps
        // them in /data.
        withEnv("ACS_EMULATOR_RECORDING_STORAGE", "memory");
        waitingFor(new HealthEndpointWaitStrategy(this).withStartupTimeout(Duration.ofSeconds(60)));
    }

    /**
     * Shares the host's network (Linux only): the emulator listens on 127.0.0.1 on two free ports, so nothing is
     * published and callbacks to {@code http://127.0.0.1:PORT} reach the test's own webhooks directly.
     */
    public CallAutomationEmulatorContainer withHostNetwork() {
        hostNetwork = true;
        setExposedPorts(List.of());
        return withNetworkMode("host");
    }

    /** The access key (base64) instead of the well-known one. */
    public CallAutomationEmulatorContainer withAccessKey(String base64Key) {
        return withEnv("ACS_EMULATOR_ACCESS_KEYS", base64Key);
    }

    /** The emulated resource's immutable id: the ACS user id prefix and the callback JWT audience. */
    public CallAutomationEmulatorContainer withResourceId(String resourceId) {
        return withEnv("ACS_EMULATOR_RESOURCE_ID", resourceId);
    }

    /** Phone numbers the resource owns: calls to them raise IncomingCall where a subscription matches. */
    public CallAutomationEmulatorContainer withOwnedPhoneNumbers(String... phoneNumbers) {
        return withEnv("ACS_EMULATOR_OWNED_PHONE_NUMBERS", String.join(",", phoneNumbers));
    }

    /** How long simulated people take to answer. */
    public CallAutomationEmulatorContainer withAnswerDelay(Duration delay) {
        return withEnv("ACS_EMULATOR_ANSWER_DELAY", delay.toString());
    }

    /** How long an invitation rings before it fails. */
    public CallAutomationEmulatorContainer withRingTimeout(Duration timeout) {
        return withEnv("ACS_EMULATOR_RING_TIMEOUT", timeout.toString());
    }

    /** Seeds ids and random decisions, so runs repeat. */
    public CallAutomationEmulatorContainer withSeed(long seed) {
        return withEnv("ACS_EMULATOR_SEED", Long.toString(seed));
    }

    /**
     * An Event Grid subscription: IncomingCall for a callee whose raw id is one of {@code toRawIds} or starts with one
     * of {@code toRawIdPrefixes} is POSTed to {@code endpoint}, after the SubscriptionValidation handshake. For an
     * endpoint on the test's host, use {@link #getHostCallbackUrl(int, String)}.
     */
    public CallAutomationEmulatorContainer withEventGridSubscription(String name, String endpoint,
                                                                     List<String> toRawIds,
                                                                     List<String> toRawIdPrefixes) {
        return withEventGridSubscription(name, endpoint, toRawIds, toRawIdPrefixes, List.of());
    }

    /**
     * The same, delivering the event types named, as Event Grid's {@code includedEventTypes} filter
     * ({@code Microsoft.Communication.IncomingCall}, {@code Microsoft.Communication.RecordingFileStatusUpdated}); none:
     * IncomingCall only. The emulator refuses to start with a type it does not publish.
     */
    public CallAutomationEmulatorContainer withEventGridSubscription(String name, String endpoint,
                                                                     List<String> toRawIds,
                                                                     List<String> toRawIdPrefixes,
                                                                     List<String> includedEventTypes) {
        subscriptions.add(new EventGridSubscription(name, endpoint, toRawIds, toRawIdPrefixes, includedEventTypes));
        return self();
    }

    /** How long Event Grid takes to deliver an IncomingCall (never before the answer to the request that raised it). */
    public CallAutomationEmulatorContainer withEventGridLatency(Duration latency) {
        return withEnv("ACS_EMULATOR_EVENT_GRID_LATENCY", latency.toString());
    }

    /**
     * The emulator's JSON config file (the format of {@code --config}; see the README). Replaces the file the
     * subscription helpers would build; environment variables set here still override its options.
     */
    public CallAutomationEmulatorContainer withConfig(String json) {
        configJson = json;
        return self();
    }

    /** {@link #withConfig(String)} with a file's content. */
    public CallAutomationEmulatorContainer withConfig(Path file) {
        try {
            return withConfig(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void configure() {
        if (configJson != null && !subscriptions.isEmpty()) {
            throw new IllegalStateException("Give the Event Grid subscriptions either in withConfig(...) or with "
                    + "withEventGridSubscription(...), not both");
        }
        String config = configJson != null ? configJson
                : subscriptions.isEmpty() ? null : EventGridSubscription.configJson(subscriptions);
        if (config != null) {
            withCopyToContainer(Transferable.of(config.getBytes(StandardCharsets.UTF_8), 0644), CONFIG_PATH);
            withEnv("ACS_EMULATOR_CONFIG", CONFIG_PATH);
        }
        if (hostNetwork) {
            hostHttpsPort = freeLoopbackPort();
            hostHttpPort = freeLoopbackPort();
            withEnv("ACS_EMULATOR_HOST", "127.0.0.1");
            withEnv("ACS_EMULATOR_HTTPS_PORT", Integer.toString(hostHttpsPort));
            withEnv("ACS_EMULATOR_HTTP_PORT", Integer.toString(hostHttpPort));
        } else {
            withEnv("ACS_EMULATOR_HOST", "0.0.0.0");
            withEnv("ACS_EMULATOR_HTTPS_PORT", Integer.toString(HTTPS_PORT));
            withEnv("ACS_EMULATOR_HTTP_PORT", Integer.toString(HTTP_PORT));
            // A remote Docker host is reached by its name: the certificate must carry it (loopback names it has).
            if (!List.of("localhost", "127.0.0.1", "::1").contains(getHost())) {
                withEnv("ACS_EMULATOR_SUBJECT_ALT_NAMES", getHost());
            }
        }
    }

    /** {@code https://HOST:PORT/}: the Call Automation endpoint as seen from the test. */
    public String getEndpoint() {
        return "https://" + endpointHost() + ":" + httpsPort() + "/";
    }

    /** {@code http://HOST:PORT/}: the plain HTTP endpoint (JS SDK with {@code allowInsecureConnection}). */
    public String getHttpEndpoint() {
        return "http://" + endpointHost() + ":" + httpPort() + "/";
    }

    /** {@code endpoint=https://HOST:PORT/;accesskey=KEY}, for {@code CallAutomationClientBuilder.connectionString}. */
    public String getConnectionString() {
        return "endpoint=" + getEndpoint() + ";accesskey=" + getAccessKey();
    }

    /** The connection string of the plain HTTP endpoint. */
    public String getHttpConnectionString() {
        return "endpoint=" + getHttpEndpoint() + ";accesskey=" + getAccessKey();
    }

    public String getAccessKey() {
        String keys = getEnvMap().get("ACS_EMULATOR_ACCESS_KEYS");
        return keys == null ? WELL_KNOWN_ACCESS_KEY : keys.split(",")[0].trim();
    }

    public String getResourceId() {
        return getEnvMap().getOrDefault("ACS_EMULATOR_RESOURCE_ID", DEFAULT_RESOURCE_ID);
    }

    /**
     * The raw id of an ACS user of the emulated resource, {@code 8:acs:RESOURCE_ID_name}. Users nobody owns are
     * simulated people who answer; names ending in {@code _busy}, {@code _declines}, {@code _noanswer},
     * {@code _unreachable}, {@code _voicemail}, {@code _hangsup}, {@code _presses1} or {@code _silent} behave so.
     */
    public String acsUserId(String name) {
        return "8:acs:" + getResourceId() + "_" + name;
    }

    /**
     * Where the emulator in the container reaches a webhook that the test serves on the host's {@code hostPort}.
     * With {@link #withHostNetwork()}: {@code http://127.0.0.1:PORT/path}. Otherwise the port is exposed with
     * {@link Testcontainers#exposeHostPorts(int...)} and the URL names {@code host.testcontainers.internal}.
     */
    public String getHostCallbackUrl(int hostPort, String path) {
        if (hostNetwork) {
            return "http://127.0.0.1:" + hostPort + path;
        }
        Testcontainers.exposeHostPorts(hostPort);
        return "http://" + HOST_INTERNAL + ":" + hostPort + path;
    }

    /** The emulator's TLS certificate, read from the container's data volume. */
    public synchronized X509Certificate getCertificate() {
        if (certificate == null) {
            byte[] pem = copyFileFromContainer(DATA_DIR + "/emulator-cert.pem", in -> in.readAllBytes());
            try {
                certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(pem));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The emulator's certificate is not readable", e);
            }
        }
        return certificate;
    }

    /** The certificate as PEM, for {@code NODE_EXTRA_CA_CERTS} and other non-Java clients. */
    public String getCertificatePem() {
        return copyFileFromContainer(DATA_DIR + "/emulator-cert.pem",
                in -> new String(in.readAllBytes(), StandardCharsets.US_ASCII));
    }

    /** A PKCS12 trust store holding only the emulator's certificate (password {@value #TRUSTSTORE_PASSWORD}). */
    public KeyStore getTrustStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("acs-emulator", getCertificate());
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes {@link #getTrustStore()} to {@code file}, for {@code -Djavax.net.ssl.trustStore=FILE
     * -Djavax.net.ssl.trustStorePassword=changeit} in a JVM that starts later.
     */
    public Path writeTrustStore(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            getTrustStore().store(out, TRUSTSTORE_PASSWORD.toCharArray());
            return file;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TLS context that trusts the emulator's certificate (and nothing else). */
    public SSLContext createSslContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(getTrustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The emulator's control API: simulated people's behaviours and actions, fault rules, Event Grid subscriptions,
     * the clock, and the calls with their journals.
     */
    public ControlClient control() {
        return new ControlClient(new HttpControlTransport(getEndpoint(), createSslContext(), null));
    }

    public boolean isHostNetwork() {
        return hostNetwork;
    }

    String endpointHost() {
        return hostNetwork ? "127.0.0.1" : getHost();
    }

    int httpsPort() {
        return hostNetwork ? hostHttpsPort : getMappedPort(HTTPS_PORT);
    }

    int httpPort() {
        return hostNetwork ? hostHttpPort : getMappedPort(HTTP_PORT);
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
