package dev.acsemulator.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * The ids that tie a request to a call, read when the access line is written (on the log writer's thread): the
 * {@code callConnectionId} or {@code serverCallId} its path names ({@code /calling/callConnections/{id}},
 * {@code /admin/connections/{id}}, {@code /admin/calls/{id}}), or, for a POST that created or found a call (CreateCall,
 * AnswerCall, Connect, an inbound call), the top-level fields of its JSON answer. Renders as
 * {@code " callConnectionId=... serverCallId=..."}, with the ids that are known, or as nothing.
 */
public record CallReference(String method, String rawTarget, int status, byte[] responseBody) {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String CONNECTIONS = "/calling/callConnections/";
    private static final String ADMIN_CONNECTIONS = "/admin/connections/";
    private static final String ADMIN_CALLS = "/admin/calls/";

    @Override
    public String toString() {
        String[] ids = ids();
        String callConnectionId = ids[0];
        String serverCallId = ids[1];
        StringBuilder text = new StringBuilder();
        if (callConnectionId != null) {
            text.append(" callConnectionId=").append(callConnectionId);
        }
        if (serverCallId != null) {
            text.append(" serverCallId=").append(serverCallId);
        }
        return text.toString();
    }

    /** {callConnectionId, serverCallId} the request names, each null when it names none. */
    public String[] ids() {
        String path = pathOf(rawTarget);
        String callConnectionId = segmentAfter(path, CONNECTIONS);
        if (callConnectionId == null) {
            callConnectionId = segmentAfter(path, ADMIN_CONNECTIONS);
        }
        String serverCallId = segmentAfter(path, ADMIN_CALLS);
        if (callConnectionId == null && serverCallId == null && method.equals("POST") && status >= 200
                && status < 300 && responseBody != null && responseBody.length > 0 && responseBody[0] == '{') {
            String[] fromBody = topLevelIds(responseBody);
            callConnectionId = fromBody[0];
            serverCallId = fromBody[1];
        }
        return new String[] {callConnectionId, serverCallId};
    }

    private static String pathOf(String rawTarget) {
        int question = rawTarget.indexOf('?');
        return question < 0 ? rawTarget : rawTarget.substring(0, question);
    }

    /** The path segment right after {@code prefix}, up to the next {@code /} or {@code :action}; null if none. */
    private static String segmentAfter(String path, String prefix) {
        if (!path.startsWith(prefix) || path.length() == prefix.length()) {
            return null;
        }
        int end = path.length();
        for (int i = prefix.length(); i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '/' || c == ':') {
                end = i;
                break;
            }
        }
        return end == prefix.length() ? null : path.substring(prefix.length(), end);
    }

    /** {callConnectionId, serverCallId} among the top-level fields of a JSON object; nested objects are skipped. */
    private static String[] topLevelIds(byte[] body) {
        String[] ids = new String[2];
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return ids;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING && field.equals("callConnectionId")) {
                    ids[0] = parser.getText();
                } else if (value == JsonToken.VALUE_STRING && field.equals("serverCallId")) {
                    ids[1] = parser.getText();
                } else {
                    parser.skipChildren();
                }
                if (ids[0] != null && ids[1] != null) {
                    break;
                }
            }
        } catch (IOException e) {
            return ids;
        }
        return ids;
    }
}
