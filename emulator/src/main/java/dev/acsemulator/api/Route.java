package dev.acsemulator.api;

/**
 * One operation of the served surface: method, path, the spec's operationId, its only success status, whether it
 * takes Repeatability-* headers, the spec definitions of its request and response bodies (null when it has none),
 * and the handler.
 */
public record Route(String method, PathTemplate path, String operationId, int successStatus, boolean repeatable,
                    String requestDefinition, String responseDefinition, Operation operation) {
}
