package dev.acsemulator.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A spec path such as {@code /calling/callConnections/{callConnectionId}/participants:add}. Segments are literal or a
 * single {@code {variable}}, optionally followed by a colon action ({@code {callConnectionId}:terminate}); the colon
 * is never percent-encoded by the SDKs, so an action is split off the last {@code :} of the raw segment. The template
 * is parsed once; a path is split once ({@link #split}) and matched against every candidate without allocating until
 * one matches.
 *
 * <p>A raw colon means two things: it starts an action ({@code abc:terminate}), and it is part of a participant's
 * raw id, which the Java SDK does not percent-encode ({@code participants/8:acs:...}). Where the route table has
 * actions on a variable, a bare variable at the same place does not take a value with a raw colon
 * ({@link #refusingColonsAt}), so {@code abc:tpyo} is an unknown action, not a call connection id; elsewhere a colon
 * is part of the value.
 */
public final class PathTemplate {

    /**
     * A literal segment ({@code variable} null), or a variable with an optional action suffix ({@code ""} if none);
     * {@code refusesColon}: a bare variable where a raw colon starts an action.
     */
    private record Segment(String literal, String variable, String action, boolean refusesColon) {

        boolean isBareVariable() {
            return variable != null && action.isEmpty();
        }

        /** The segment's place in a shape: literals as written, variables as {@code {}} whatever their name. */
        String shape() {
            return variable == null ? literal : "{}";
        }
    }

    private final String template;
    private final Segment[] segments;

    public PathTemplate(String template) {
        this.template = template;
        String[] parts = template.substring(1).split("/", -1);
        this.segments = new Segment[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.charAt(0) == '{') {
                int close = part.indexOf('}');
                segments[i] = new Segment(null, part.substring(1, close), part.substring(close + 1), false);
            } else {
                segments[i] = new Segment(part, null, null, false);
            }
        }
    }

    private PathTemplate(String template, Segment[] segments) {
        this.template = template;
        this.segments = segments;
    }

    /**
     * Where this template has an action on a variable: the shape of the path up to and including that variable
     * ({@code calling/callConnections/{}} for {@code {callConnectionId}:terminate}).
     */
    Optional<String> actionPlace() {
        Segment last = segments[segments.length - 1];
        return last.variable() != null && !last.action().isEmpty()
                ? Optional.of(shapeThrough(segments.length - 1)) : Optional.empty();
    }

    /**
     * This template with its bare variables refusing values with a raw colon where {@code actionPlaces} (from
     * {@link #actionPlace} of every template of the table) says a colon there starts an action.
     */
    PathTemplate refusingColonsAt(Set<String> actionPlaces) {
        Segment[] refined = segments.clone();
        for (int i = 0; i < refined.length; i++) {
            Segment segment = refined[i];
            if (segment.isBareVariable() && actionPlaces.contains(shapeThrough(i))) {
                refined[i] = new Segment(null, segment.variable(), "", true);
            }
        }
        return new PathTemplate(template, refined);
    }

    private String shapeThrough(int index) {
        StringBuilder shape = new StringBuilder();
        for (int i = 0; i <= index; i++) {
            shape.append(i == 0 ? "" : "/").append(segments[i].shape());
        }
        return shape.toString();
    }

    /** The decoded variables if the raw path matches, else null. */
    public Map<String, String> match(String rawPath) {
        String[] raw = split(rawPath);
        return raw == null ? null : match(raw);
    }

    /** The decoded variables if the path's segments (from {@link #split}) match, else null. */
    Map<String, String> match(String[] raw) {
        if (raw.length != segments.length) {
            return null;
        }
        for (int i = 0; i < segments.length; i++) {
            Segment segment = segments[i];
            if (segment.variable() == null ? !segment.literal().equals(raw[i]) : !fits(segment, raw[i])) {
                return null;
            }
        }
        Map<String, String> variables = new HashMap<>(4);
        for (int i = 0; i < segments.length; i++) {
            Segment segment = segments[i];
            if (segment.variable() != null) {
                String value = raw[i].substring(0, raw[i].length() - segment.action().length());
                String decoded = RequestTarget.decode(value);
                if (decoded.isEmpty()) {
                    return null;
                }
                variables.put(segment.variable(), decoded);
            }
        }
        return variables;
    }

    /** How many segments the template has; only paths with as many can match. */
    int segmentCount() {
        return segments.length;
    }

    /** The segments of a raw path, split on {@code /} once; null when it does not start with {@code /}. */
    static String[] split(String rawPath) {
        if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return null;
        }
        int count = 1;
        for (int i = 1; i < rawPath.length(); i++) {
            if (rawPath.charAt(i) == '/') {
                count++;
            }
        }
        String[] raw = new String[count];
        int start = 1;
        for (int i = 0; i < count; i++) {
            int end = rawPath.indexOf('/', start);
            if (end < 0) {
                end = rawPath.length();
            }
            raw[i] = rawPath.substring(start, end);
            start = end + 1;
        }
        return raw;
    }

    private static boolean fits(Segment segment, String raw) {
        String action = segment.action();
        return raw.length() > action.length() && raw.endsWith(action)
                && !(segment.refusesColon() && raw.indexOf(':') >= 0);
    }

    /** Whether the last segment carries an action ({@code {id}:terminate}, {@code participants:add}). */
    boolean hasAction() {
        Segment last = segments[segments.length - 1];
        return last.variable() == null ? last.literal().indexOf(':') >= 0 : !last.action().isEmpty();
    }

    @Override
    public String toString() {
        return template;
    }
}
