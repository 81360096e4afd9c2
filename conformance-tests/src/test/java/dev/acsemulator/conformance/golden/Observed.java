package dev.acsemulator.conformance.golden;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * What one side of a comparison saw: per connection name, the callback events in arrival order; per person name,
 * the data of the IncomingCall that person's app received. Both the recording and the emulator's replay are shaped so.
 */
public record Observed(Map<String, List<JsonNode>> connections, Map<String, JsonNode> incomingCalls) {
}
