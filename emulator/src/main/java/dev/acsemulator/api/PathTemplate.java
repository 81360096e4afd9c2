package dev.acsemulator.api;

import java.util.HashMap;
import java.util.Map;

/**
 * A spec path such as {@code /calling/callConnections/{callConnectionId}/participants:add}. Segments are literal or a
 * single {@code {variable}}, optionally followed by a colon action ({@code {callConnectionId}:terminate}); the colon
 * is never percent-encoded by the SDKs, so an action is split off the last {@code :} of the raw segment.
 */
public final class PathTemplate {

    private final String template;
    private final String[] segments;

    public PathTemplate(String template) {
        this.template = template;
        this.segments = template.substring(1).split("/", -1);
    }

    /** The decoded variables if the raw path matches, else null. */
    public Map<String, String> match(String rawPath) {
        if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return null;
        }
        String[] raw = rawPath.substring(1).split("/", -1);
        if (raw.length != segments.length) {
            return null;
        }
        Map<String, String> variables = new HashMap<>(2);
        for (int i = 0; i < segments.length; i++) {
            if (!matchSegment(segments[i], raw[i], variables)) {
                return null;
            }
        }
        return variables;
    }

    private static boolean matchSegment(String pattern, String raw, Map<String, String> variables) {
        if (pattern.charAt(0) != '{') {
            return pattern.equals(raw);
        }
        int close = pattern.indexOf('}');
        String name = pattern.substring(1, close);
        String action = pattern.substring(close + 1);
        String value = raw;
        if (!action.isEmpty()) {
            if (!raw.endsWith(action)) {
                return false;
            }
            value = raw.substring(0, raw.length() - action.length());
        }
        String decoded = RequestTarget.decode(value);
        if (decoded.isEmpty()) {
            return false;
        }
        variables.put(name, decoded);
        return true;
    }

    /** Templates with an action are tried before bare ones, so {@code {id}:terminate} wins over {@code {id}}. */
    boolean hasAction() {
        String last = segments[segments.length - 1];
        return last.indexOf(':') >= 0;
    }

    @Override
    public String toString() {
        return template;
    }
}
