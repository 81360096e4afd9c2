package dev.acsemulator.api;

import dev.acsemulator.api.schema.ApiVersionInfo;
import dev.acsemulator.api.schema.OperationInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every operation of every accepted api-version (openapi/api-versions.json), once: its method, path and success
 * status as the newest api-version that has it defines them, and which api-versions have it. Where an older
 * api-version gives the same operationId another method, path or status, the newest one's is served and the older
 * one is kept as a {@link Disagreement}, so the feature-support matrix can say so.
 */
public final class SpecOperations {

    /** One operation: its newest definition and the api-versions that have it, oldest first. */
    public record SpecOperation(OperationInfo newest, String newestVersion, List<String> versions) {

        public String operationId() {
            return newest.operationId();
        }
    }

    /** An api-version that defines an operation otherwise than the newest api-version that has it. */
    public record Disagreement(String version, OperationInfo theirs, String newestVersion, OperationInfo newest) {

        @Override
        public String toString() {
            return version + " has " + describe(theirs) + ", " + newestVersion + " has " + describe(newest);
        }

        private static String describe(OperationInfo operation) {
            return operation.operationId() + " " + operation.method() + " " + operation.path() + " "
                    + operation.status();
        }
    }

    private final List<String> versions;
    private final Map<String, SpecOperation> operations;
    private final List<Disagreement> disagreements;

    /** @param versions every accepted api-version, in any order */
    public SpecOperations(List<ApiVersionInfo> versions) {
        List<ApiVersionInfo> newestFirst = versions.stream()
                .sorted(Comparator.comparing(ApiVersionInfo::version).reversed()).toList();
        Map<String, OperationInfo> newest = new LinkedHashMap<>();
        Map<String, String> newestVersion = new LinkedHashMap<>();
        Map<String, List<String>> having = new LinkedHashMap<>();
        List<Disagreement> found = new ArrayList<>();
        for (ApiVersionInfo version : newestFirst) {
            version.operations().values().stream().sorted(Comparator.comparing(OperationInfo::operationId))
                    .forEach(operation -> {
                        OperationInfo first = newest.putIfAbsent(operation.operationId(), operation);
                        newestVersion.putIfAbsent(operation.operationId(), version.version());
                        having.computeIfAbsent(operation.operationId(), id -> new ArrayList<>())
                                .add(0, version.version());
                        if (first != null && !sameRoute(first, operation)) {
                            found.add(new Disagreement(version.version(), operation,
                                    newestVersion.get(operation.operationId()), first));
                        }
                    });
        }
        this.versions = newestFirst.stream().map(ApiVersionInfo::version).sorted().toList();
        Map<String, SpecOperation> all = new LinkedHashMap<>();
        newest.keySet().stream().sorted().forEach(id -> all.put(id,
                new SpecOperation(newest.get(id), newestVersion.get(id), List.copyOf(having.get(id)))));
        this.operations = java.util.Collections.unmodifiableMap(all);
        this.disagreements = List.copyOf(found);
    }

    /** Every accepted api-version, oldest first. */
    public List<String> versions() {
        return versions;
    }

    /** Every operation, by operationId. */
    public Map<String, SpecOperation> operations() {
        return operations;
    }

    public Optional<SpecOperation> operation(String operationId) {
        return Optional.ofNullable(operations.get(operationId));
    }

    /** Where an older api-version defines an operation otherwise than the newest that has it (newest first). */
    public List<Disagreement> disagreements() {
        return disagreements;
    }

    private static boolean sameRoute(OperationInfo a, OperationInfo b) {
        return a.method().equals(b.method()) && a.path().equals(b.path()) && a.status() == b.status();
    }
}
