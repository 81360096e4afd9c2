package dev.acsemulator.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.acsemulator.http.HttpRequestMessage;
import dev.acsemulator.http.HttpResponseMessage;
import dev.acsemulator.http.RequestNotes;

import java.io.IOException;

/**
 * The ids that tie a request to a call: the {@code callConnectionId} or {@code serverCallId} its path names
 * ({@code /calling/callConnections/{id}}, {@code /admin/connections/{id}}, {@code /admin/calls/{id}}), or, for a POST
 * that created or found a call (CreateCall, AnswerCall, Connect, an inbound call), the top-level fields of its JSON
 * answer. Worked out once, when first asked: on the log writer's thread for the access line, or earlier by the
 * activity decorator, which notes the reference on the request ({@link #noted}) so the access line reuses its ids.
 * Renders as {@code " callConnectionId=... serverCallId=..."}, with the ids that are known, or as nothing.
 */
public final class CallReference {

    /** The reference noted on a request whose ids someone already worked out. */
    private static final RequestNotes.Key<CallReference> NOTE = new RequestNotes.Key<>("callReference");

    private static final JsonFactory JSON = new JsonFactory();
    private static final String CONNECTIONS = "/calling/callConnections/";
    private static final String ADMIN_CONNECTIONS = "/admin/connections/";
    private static final String ADMIN_CALLS = "/admin/calls/";

    private final String method;
    private final String rawTarget;
    private final int status;
    private final byte[] responseBody;
    /** {callConnectionId, serverCallId} once worked out. */
    private volatile String[] ids;

    public CallReference(String method, String rawTarget, int status, byte[] responseBody) {
        this.method = method;
        this.rawTarget = rawTarget;
        this.status = status;
        this.responseBody = responseBody;
    }

    /**
     * The reference of {@code request} answered by {@code response} (null: the handler failed, and the edge answers
     * 500), noted on the request so the decorators around this one reuse it and its ids.
     */
    public static CallReference noted(HttpRequestMessage request, HttpResponseMessage response) {
        CallReference reference = of(request, response);
        request.notes().put(NOTE, reference);
        return reference;
    }

    /** The reference a decorator within this one noted, else a new one, to be worked out when first asked. */
    public static CallReference of(HttpRequestMessage request, HttpResponseMessage response) {
        CallReference noted = request.notes().get(NOTE);
        if (noted != null) {
            return noted;
        }
        return response == null ? new CallReference(request.method(), request.rawTarget(), 500, null)
                : new CallReference(request.method(), request.rawTarget(), response.status(), response.body());
    }

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

    /** The {@code callConnectionId} the request names, or null. */
    public String callConnectionId() {
        return ids()[0];
    }

    /** The {@code serverCallId} the request names, or null. */
    public String serverCallId() {
        return ids()[1];
    }

    private String[] ids() {
        String[] known = ids;
        if (known == null) {
            known = workOutIds();
            ids = known;
        }
        return known;
    }

    private String[] workOutIds() {
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
