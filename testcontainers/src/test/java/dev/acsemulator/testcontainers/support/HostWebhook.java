package dev.acsemulator.testcontainers.support;

import com.azure.communication.callautomation.CallAutomationEventParser;
import com.azure.communication.callautomation.models.events.CallAutomationEventBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The application's webhooks on the test's host, on loopback: answers every POST with 200 and the Event Grid
 * SubscriptionValidation handshake with the validation code; keeps Call Automation callbacks (parsed by the official
 * SDK's {@link CallAutomationEventParser}) and Event Grid notifications.
 */
public final class HostWebhook implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<CallAutomationEventBase> callbacks = new ArrayList<>();
    private final List<String> callbackPaths = new ArrayList<>();
    private final List<JsonNode> notifications = new ArrayList<>();
    private final List<String> validations = new ArrayList<>();

    public HostWebhook() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String eventGridType = exchange.getRequestHeaders().getFirst("aeg-event-type");
        byte[] response = new byte[0];
        synchronized (this) {
            if ("SubscriptionValidation".equals(eventGridType)) {
                String code = MAPPER.readTree(body).get(0).path("data").path("validationCode").asText();
                validations.add(code);
                response = ("{\"validationResponse\":\"" + code + "\"}").getBytes(StandardCharsets.UTF_8);
            } else if ("Notification".equals(eventGridType)) {
                MAPPER.readTree(body).forEach(notifications::add);
            } else {
                for (CallAutomationEventBase event : CallAutomationEventParser.parseEvents(body)) {
                    callbacks.add(event);
                    callbackPaths.add(exchange.getRequestURI().getPath());
                }
            }
        }
        exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
        if (response.length > 0) {
            exchange.getResponseBody().write(response);
        }
        exchange.close();
    }

    /** Callback events POSTed to {@code path}, in arrival order, as the SDK parsed them. */
    public synchronized List<CallAutomationEventBase> callbacks(String path) {
        List<CallAutomationEventBase> events = new ArrayList<>();
        for (int i = 0; i < callbacks.size(); i++) {
            if (callbackPaths.get(i).equals(path)) {
                events.add(callbacks.get(i));
            }
        }
        return events;
    }

    /** Simple class names of the events POSTed to {@code path}, e.g. {@code CallConnected}. */
    public List<String> callbackTypes(String path) {
        return callbacks(path).stream().map(event -> event.getClass().getSimpleName()).toList();
    }

    /** Event Grid notifications (IncomingCall events), in arrival order. */
    public synchronized List<JsonNode> notifications() {
        return List.copyOf(notifications);
    }

    public synchronized List<String> validationCodes() {
        return List.copyOf(validations);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
