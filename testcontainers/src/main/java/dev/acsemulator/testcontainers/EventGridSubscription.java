package dev.acsemulator.testcontainers;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One entry of the config file's {@code eventGridSubscriptions}; {@code includedEventTypes} empty: IncomingCall only.
 */
record EventGridSubscription(String name, String endpoint, List<String> toRawIds, List<String> toRawIdPrefixes,
                             List<String> includedEventTypes) {

    EventGridSubscription {
        toRawIds = List.copyOf(toRawIds);
        toRawIdPrefixes = List.copyOf(toRawIdPrefixes);
        includedEventTypes = List.copyOf(includedEventTypes);
    }

    /** {@code {"eventGridSubscriptions":[...]}}. */
    static String configJson(List<EventGridSubscription> subscriptions) {
        return subscriptions.stream().map(EventGridSubscription::json)
                .collect(Collectors.joining(",", "{\"eventGridSubscriptions\":[", "]}"));
    }

    private String json() {
        return "{\"name\":" + string(name) + ",\"endpoint\":" + string(endpoint) + ",\"toRawIds\":" + strings(toRawIds)
                + ",\"toRawIdPrefixes\":" + strings(toRawIdPrefixes)
                + (includedEventTypes.isEmpty() ? "" : ",\"includedEventTypes\":" + strings(includedEventTypes)) + "}";
    }

    private static String strings(List<String> values) {
        return values.stream().map(EventGridSubscription::string).collect(Collectors.joining(",", "[", "]"));
    }

    static String string(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
