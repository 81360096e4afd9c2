package dev.acsemulator.api;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How often each operation was answered with each status: the raw material of the conformance coverage table and
 * of the control API's statistics. Requests refused before a route was found count under their path-less reason.
 */
public final class OperationLog {

    private final Map<String, Map<Integer, LongAdder>> counts = new ConcurrentHashMap<>();

    void record(String operationId, int status) {
        counts.computeIfAbsent(operationId, key -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, key -> new LongAdder())
                .increment();
    }

    /** operationId → status → count, sorted. */
    public Map<String, Map<Integer, Long>> snapshot() {
        Map<String, Map<Integer, Long>> copy = new TreeMap<>();
        counts.forEach((operation, statuses) -> {
            Map<Integer, Long> byStatus = new TreeMap<>();
            statuses.forEach((status, count) -> byStatus.put(status, count.sum()));
            copy.put(operation, byStatus);
        });
        return copy;
    }
}
