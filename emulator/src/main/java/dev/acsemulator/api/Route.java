package dev.acsemulator.api;

/**
 * One operation of the served surface: method, path, the spec's operationId, its only success status, whether it
 * takes Repeatability-* headers, the spec definition its body must match (null when it has none), and the handler.
 */
public record Route(String method, PathTemplate path, String operationId, int successStatus, boolean repeatable,
                    String requestDefinition, Operation operation) {
}
