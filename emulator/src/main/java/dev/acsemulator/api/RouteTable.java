package dev.acsemulator.api;

import dev.acsemulator.api.handlers.CallConnectionHandlers;
import dev.acsemulator.api.handlers.ParticipantHandlers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The single source of truth for the served Call Automation surface: one line per operation of the 2026-03-12 spec
 * (method, path, operationId, success status of sdk-wire-facts.md §5, repeatable, request definition, handler).
 * Router, coverage report and conformance suite all read this table. Operations the emulator does not implement yet
 * answer an explicit 501 NotImplemented, never a fake success.
 */
public final class RouteTable {

    private static final String CALLS = "/calling/callConnections";
    private static final String CALL = CALLS + "/{callConnectionId}";

    private final List<Route> routes;
    /** The routes (in {@link #routes} order) whose templates have as many segments as the index. */
    private final Route[][] bySegmentCount;

    public RouteTable(CallConnectionHandlers calls, ParticipantHandlers participants) {
        List<Route> table = List.of(
                route("POST", CALLS, "CreateCall", 201, true, "CreateCallRequest", "CallConnectionProperties", calls::createCall),
                route("POST", CALLS + ":answer", "AnswerCall", 200, true, "AnswerCallRequest", "CallConnectionProperties", calls::answer),
                route("POST", CALLS + ":redirect", "RedirectCall", 204, true, "RedirectCallRequest", null, calls::redirect),
                route("POST", CALLS + ":reject", "RejectCall", 204, true, "RejectCallRequest", null, calls::reject),
                route("POST", CALLS + ":connect", "Connect", 200, true, "ConnectRequest", "CallConnectionProperties", calls::connect),
                route("GET", CALL, "CallConnection_GetCall", 200, false, null, "CallConnectionProperties", calls::get),
                route("DELETE", CALL, "CallConnection_HangupCall", 204, false, null, null, calls::hangUp),
                route("POST", CALL + ":terminate", "CallConnection_TerminateCall", 204, true, null, null, calls::terminate),
                route("POST", CALL + ":transferToParticipant", "CallConnection_TransferToParticipant", 202, true,
                        "TransferToParticipantRequest", "TransferCallResponse", calls::transfer),
                route("GET", CALL + "/participants", "CallConnection_GetParticipants", 200, false, null, "GetParticipantsResponse",
                        participants::list),
                route("POST", CALL + "/participants:add", "CallConnection_AddParticipant", 202, true,
                        "AddParticipantRequest", "AddParticipantResponse", participants::add),
                route("POST", CALL + "/participants:remove", "CallConnection_RemoveParticipant", 202, true,
                        "RemoveParticipantRequest", "RemoveParticipantResponse", participants::remove),
                route("POST", CALL + "/participants:mute", "CallConnection_Mute", 200, true,
                        "MuteParticipantsRequest", "MuteParticipantsResult", participants::mute),
                route("POST", CALL + "/participants:cancelAddParticipant", "CallConnection_CancelAddParticipant", 202,
                        true, "CancelAddParticipantRequest", "CancelAddParticipantResponse", participants::cancelAdd),
                route("POST", CALL + "/participants:moveHere", "CallConnection_MoveParticipants", 202, true,
                        "MoveParticipantsRequest", "MoveParticipantsResponse", participants::move),
                route("GET", CALL + "/participants/{participantRawId}", "CallConnection_GetParticipant", 200, false,
                        null, "CallParticipant", participants::get),
                notImplemented("POST", CALL + ":play", "CallMedia_Play", 202, false),
                notImplemented("POST", CALL + ":startTranscription", "CallMedia_StartTranscription", 202, false),
                notImplemented("POST", CALL + ":stopTranscription", "CallMedia_StopTranscription", 202, false),
                notImplemented("POST", CALL + ":updateTranscription", "CallMedia_UpdateTranscription", 202, false),
                notImplemented("POST", CALL + ":summarizeCall", "CallMedia_SummarizeCall", 202, false),
                notImplemented("POST", CALL + ":cancelAllMediaOperations", "CallMedia_CancelAllMediaOperations", 202,
                        false),
                notImplemented("POST", CALL + ":recognize", "CallMedia_Recognize", 202, false),
                notImplemented("POST", CALL + ":startContinuousDtmfRecognition",
                        "CallMedia_StartContinuousDtmfRecognition", 200, false),
                notImplemented("POST", CALL + ":stopContinuousDtmfRecognition",
                        "CallMedia_StopContinuousDtmfRecognition", 200, false),
                notImplemented("POST", CALL + ":sendDtmfTones", "CallMedia_SendDtmfTones", 202, true),
                notImplemented("POST", CALL + ":hold", "CallMedia_Hold", 200, false),
                notImplemented("POST", CALL + ":unhold", "CallMedia_Unhold", 200, false),
                notImplemented("POST", CALL + ":startMediaStreaming", "CallMedia_StartMediaStreaming", 202, false),
                notImplemented("POST", CALL + ":stopMediaStreaming", "CallMedia_StopMediaStreaming", 202, false),
                notImplemented("POST", "/calling/recordings", "CallRecording_StartRecording", 200, true),
                notImplemented("GET", "/calling/recordings/{recordingId}", "CallRecording_GetRecordingProperties",
                        200, false),
                notImplemented("DELETE", "/calling/recordings/{recordingId}", "CallRecording_StopRecording", 204,
                        false),
                notImplemented("POST", "/calling/recordings/{recordingId}:pause", "CallRecording_PauseRecording", 202,
                        false),
                notImplemented("POST", "/calling/recordings/{recordingId}:resume", "CallRecording_ResumeRecording",
                        202, false));
        List<Route> ordered = new ArrayList<>(table);
        ordered.sort(Comparator.comparing((Route route) -> !route.path().hasAction()));
        this.routes = List.copyOf(ordered);
        int longest = routes.stream().mapToInt(route -> route.path().segmentCount()).max().orElse(0);
        this.bySegmentCount = new Route[longest + 1][];
        for (int count = 0; count <= longest; count++) {
            int segments = count;
            bySegmentCount[count] = routes.stream().filter(route -> route.path().segmentCount() == segments)
                    .toArray(Route[]::new);
        }
    }

    /** A matched route and its decoded path variables. */
    public record Match(Route route, Map<String, String> variables) { }

    /**
     * The route for a method and raw path. Throws 405 when the path exists for other methods, 404 when it does not.
     */
    public Match find(String method, String rawPath) {
        String[] segments = PathTemplate.split(rawPath);
        Route[] candidates = segments == null || segments.length >= bySegmentCount.length
                ? bySegmentCount[0] : bySegmentCount[segments.length]; // [0]: no template is that short, none
        boolean pathExists = false;
        for (Route route : candidates) {
            Map<String, String> variables = route.path().match(segments);
            if (variables != null) {
                if (route.method().equals(method)) {
                    return new Match(route, variables);
                }
                pathExists = true;
            }
        }
        if (pathExists) {
            throw ApiErrors.methodNotAllowed(method, rawPath);
        }
        throw ApiErrors.noSuchResource(rawPath);
    }

    public List<Route> routes() {
        return routes;
    }

    private static Route route(String method, String path, String operationId, int status, boolean repeatable,
                               String requestDefinition, String responseDefinition, Operation operation) {
        return new Route(method, new PathTemplate(path), operationId, status, repeatable, requestDefinition,
                responseDefinition, operation);
    }

    private static Route notImplemented(String method, String path, String operationId, int status,
                                        boolean repeatable) {
        return new Route(method, new PathTemplate(path), operationId, status, repeatable, null, null,
                new NotImplemented(operationId));
    }

    /** Whether the emulator serves this operation, or answers it with 501 NotImplemented. */
    public static boolean isImplemented(Route route) {
        return !(route.operation() instanceof NotImplemented);
    }

    /** The handler of an operation the emulator does not serve yet: an explicit 501, never a fake success. */
    private record NotImplemented(String operationId) implements Operation {
        @Override
        public java.util.concurrent.CompletionStage<Result> handle(Request request) {
            throw ApiErrors.notImplemented(operationId);
        }
    }
}
