package dev.acsemulator.api.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one Call Automation api-version has, relative to the held spec document it is validated against.
 * Read from {@code openapi/api-versions.json}; see {@code openapi/API-VERSIONS.md} for the sources.
 *
 * @param version               e.g. {@code 2023-03-06} or {@code 2025-08-15-preview}
 * @param kind                  stable or preview
 * @param schemaBasis           the held spec version (2025-05-15, 2025-06-15 or 2026-03-12) whose definitions validate it
 * @param operations            operationId to operation, for every operation the version has
 * @param absentDefinitions     basis models and events that do not exist in this version
 * @param absentProperties      per basis definition, the properties this version does not have
 * @param absentEnumValues      per basis enum, the values this version does not have
 * @param extraProperties       per basis definition, properties this version has that the basis does not (accepted,
 *                              not type-checked)
 * @param events                event model names (the callback event types, without the
 *                              {@code Microsoft.Communication.} prefix) this version defines
 * @param propertiesDetermined  false when only the operations of this version are known (most previews): then the
 *                              absent/extra lists are empty and {@code events} are the basis' events
 */
public record ApiVersionInfo(String version, Kind kind, String schemaBasis, Map<String, OperationInfo> operations,
                             Set<String> absentDefinitions, Map<String, Set<String>> absentProperties,
                             Map<String, Set<String>> absentEnumValues, Map<String, Set<String>> extraProperties,
                             List<String> events, boolean propertiesDetermined) {

    /** Stable (GA) or preview api-version. */
    public enum Kind { STABLE, PREVIEW }

    public ApiVersionInfo {
        operations = Map.copyOf(operations);
        absentDefinitions = Set.copyOf(absentDefinitions);
        absentProperties = copy(absentProperties);
        absentEnumValues = copy(absentEnumValues);
        extraProperties = copy(extraProperties);
        events = List.copyOf(events);
    }

    private static Map<String, Set<String>> copy(Map<String, Set<String>> map) {
        return map.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    }

    public boolean isPreview() {
        return kind == Kind.PREVIEW;
    }

    public boolean hasOperation(String operationId) {
        return operations.containsKey(operationId);
    }

    public Optional<OperationInfo> operation(String operationId) {
        return Optional.ofNullable(operations.get(operationId));
    }

    public boolean hasEvent(String eventType) {
        return events.contains(eventType);
    }

    /** Properties of {@code definitionName} this version lacks (empty when none or unknown). */
    public Set<String> absentProperties(String definitionName) {
        return absentProperties.getOrDefault(definitionName, Set.of());
    }
}
