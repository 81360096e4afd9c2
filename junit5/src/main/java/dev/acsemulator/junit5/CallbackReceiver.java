package dev.acsemulator.junit5;

import com.azure.communication.callautomation.CallAutomationEventParser;
import com.azure.communication.callautomation.models.events.CallAutomationEventBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * A real HTTP webhook on loopback, as an application would run one: it answers every POST with 200 (or with planned
 * statuses), answers the Event Grid validation handshakes (the SubscriptionValidation POST and the CloudEvents
 * OPTIONS), and keeps every request it received, in arrival order, by path. Tests await event sequences on it.
 *
 * <p>History is per test: after {@link #beginTest}, which the extension calls before each test, the queries by path
 * ({@link #received}, {@link #eventTypes}, {@link #notifications} and the waits) see only what arrived since, and
 * never the events of calls made before it, even when those arrive late. Parsing uses the application's Jackson.
 */
public final class CallbackReceiver implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One POST as received. */
    public record Received(String method, String path, Map<String, List<String>> headers, String body) {

        /** A callback event POST (not Event Grid, not a handshake). */
        public boolean isCallback() {
            return method.equals("POST") && header("aeg-event-type") == null;
        }

        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String header(String name) {
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    return entry.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** A request and the test it belongs to: the one running when it arrived, or none if its call is older. */
    private record Arrival(Received post, long test) {
        private static final long EARLIER_TEST = -1;
    }

    private final HttpServer server;
    private final List<Arrival> arrivals = new ArrayList<>();
    /** Guarded by {@link #arrivals}. */
    private long currentTest;
    /** Server call ids of calls made before the current test; guarded by {@link #arrivals}. */
    private final java.util.Set<String> earlierTestsCalls = new java.util.HashSet<>();
    private final List<java.util.function.Consumer<Received>> listeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, java.util.Deque<Integer>> plannedStatuses = new java.util.concurrent.ConcurrentHashMap<>();
    /** Audio files served at GET, by path. */
    private final Map<String, byte[]> audio = new java.util.concurrent.ConcurrentHashMap<>();

    public CallbackReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /**
     * Serves a WAV file of silence lasting {@code length} (PCM mono 16-bit 16 kHz, the format the service plays) at
     * {@code path}, for a play or a recognize prompt to download; returns its URL.
     */
    public String serveAudio(String path, Duration length) {
        audio.put(path, SilentWav.lasting(length));
        return url(path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] served = "GET".equals(exchange.getRequestMethod()) ? audio.get(exchange.getRequestURI().getPath())
                : null;
        if (served != null) {
            exchange.getResponseHeaders().add("Content-Type", "audio/wav");
            exchange.sendResponseHeaders(200, served.length);
            exchange.getResponseBody().write(served);
            exchange.close();
            return;
        }
        if ("OPTIONS".equals(exchange.getRequestMethod())) {
            String origin = exchange.getRequestHeaders().getFirst("WebHook-Request-Origin");
            record(new Received("OPTIONS", exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), ""));
            if (origin != null) {
                exchange.getResponseHeaders().add("WebHook-Allowed-Origin", origin);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Received post = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders()), body);
        byte[] response = new byte[0];
        if ("SubscriptionValidation".equals(post.header("aeg-event-type"))) {
            String code = post.json().get(0).path("data").path("validationCode").asText();
            response = ("{\"validationResponse\":\"" + code + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        for (java.util.function.Consumer<Received> listener : listeners) {
            listener.accept(post);
        }
        record(post);
        java.util.Deque<Integer> planned = plannedStatuses.get(post.path());
        Integer status = planned == null ? null : planned.pollFirst();
        exchange.sendResponseHeaders(status == null ? 200 : status, response.length == 0 ? -1 : response.length);
        if (response.length > 0) {
            exchange.getResponseBody().write(response);
        }
        exchange.close();
    }

    private void record(Received post) {
        String serverCallId = serverCallId(post);
        synchronized (arrivals) {
            arrivals.add(new Arrival(post, serverCallId != null && earlierTestsCalls.contains(serverCallId)
                    ? Arrival.EARLIER_TEST : currentTest));
        }
    }

    /** The {@code data.serverCallId} of a callback or Event Grid event, if the body is one. */
    private static String serverCallId(Received post) {
        if (post.body().isEmpty()) {
            return null;
        }
        try {
            JsonNode json = post.json();
            JsonNode id = (json.isArray() ? json.path(0) : json).path("data").path("serverCallId");
            return id.isTextual() ? id.asText() : null;
        } catch (UncheckedIOException notJson) {
            return null;
        }
    }

    /**
     * Starts a new test's history: what arrived before is no longer returned by the queries by path, nor is anything
     * that arrives later for the calls {@code serverCallIdsOfEarlierTests}; statuses planned with
     * {@link #answerNext} and not used are dropped. {@link #allCallbackBodies()} still returns everything.
     */
    public void beginTest(java.util.Collection<String> serverCallIdsOfEarlierTests) {
        synchronized (arrivals) {
            currentTest++;
            earlierTestsCalls.addAll(serverCallIdsOfEarlierTests);
        }
        plannedStatuses.clear();
    }

    /** Sees every POST as it arrives (e.g. to validate bodies). */
    public void onReceived(java.util.function.Consumer<Received> listener) {
        listeners.add(listener);
    }

    /**
     * Waits until the callback events at {@code path} are exactly these types, in this order (no more, no fewer,
     * once they have all arrived), and returns the received types.
     */
    public List<String> awaitEventSequence(String path, String... types) {
        List<String> expected = List.of(types);
        awaitEventTypes(path, received -> received.size() >= expected.size());
        List<String> received = eventTypes(path);
        if (!received.equals(expected)) {
            throw new AssertionError("Expected events " + expected + " at " + path + " but received " + received);
        }
        return received;
    }

    /** The next POSTs to {@code path} are answered with these statuses, in order; then 200 again. */
    public void answerNext(String path, Integer... statuses) {
        plannedStatuses.put(path, new java.util.concurrent.ConcurrentLinkedDeque<>(List.of(statuses)));
    }

    /** The requests received at {@code path} during the current test, in arrival order. */
    public List<Received> received(String path) {
        synchronized (arrivals) {
            return arrivals.stream().filter(arrival -> arrival.test() == currentTest).map(Arrival::post)
                    .filter(post -> post.path().equals(path)).toList();
        }
    }

    /** Every callback POST body this receiver got (not Event Grid), across all tests, in arrival order. */
    public List<String> allCallbackBodies() {
        synchronized (arrivals) {
            return arrivals.stream().map(Arrival::post).filter(Received::isCallback).map(Received::body).toList();
        }
    }

    /** The callback events POSTed to {@code path}, parsed by the official SDK, in arrival order. */
    public List<CallAutomationEventBase> events(String path) {
        List<CallAutomationEventBase> events = new ArrayList<>();
        for (Received post : received(path)) {
            if (post.isCallback()) {
                events.addAll(CallAutomationEventParser.parseEvents(post.body()));
            }
        }
        return events;
    }

    /** Event type names (after {@code Microsoft.Communication.}) POSTed to {@code path}, raw, in arrival order. */
    public List<String> eventTypes(String path) {
        List<String> types = new ArrayList<>();
        for (Received post : received(path)) {
            if (post.isCallback()) {
                types.add(post.json().get(0).path("type").asText().replace("Microsoft.Communication.", ""));
            }
        }
        return types;
    }

    /** Waits until the event types POSTed to {@code path} satisfy the condition. */
    public List<String> awaitEventTypes(String path, Predicate<List<String>> condition) {
        await().atMost(Duration.ofSeconds(15)).until(() -> eventTypes(path), condition::test);
        return eventTypes(path);
    }

    /** Waits for an Event Grid notification (IncomingCall) at {@code path}, and returns its event. */
    public JsonNode awaitIncomingCall(String path, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> notifications(path).size() >= count);
        return notifications(path).get(count - 1);
    }

    /** Event Grid notifications at {@code path}: the event of each, in either schema. */
    public List<JsonNode> notifications(String path) {
        List<JsonNode> events = new ArrayList<>();
        for (Received post : received(path)) {
            if ("Notification".equals(post.header("aeg-event-type"))) {
                JsonNode json = post.json();
                events.add(json.isArray() ? json.get(0) : json);
            }
        }
        return events;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
