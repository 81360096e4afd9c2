package dev.acsemulator.call.event;

/**
 * Where an event goes and whose it is: one application's call connection, the URI its events are POSTed to
 * (the action's {@code operationCallbackUri} or the connection's {@code callbackUri}), and the api-version that shapes it.
 */
public record EventTarget(String callConnectionId, String serverCallId, String correlationId, String callbackUri,
                          String apiVersion) {
}
