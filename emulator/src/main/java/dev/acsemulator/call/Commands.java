package dev.acsemulator.call;

import java.util.List;

/** The inputs of call operations, already parsed and validated by the api layer. */
public final class Commands {

    private Commands() {
    }

    public record CreateCall(List<Identifier> targets, Identifier source, Identifier sourceCallerIdNumber,
                             String sourceDisplayName, String callbackUri, String operationContext, String apiVersion,
                             CustomHeaders headers, String cognitiveServicesEndpoint) { }

    public record Answer(String incomingCallContext, String callbackUri, String operationContext, String apiVersion,
                         Identifier answeredBy, String cognitiveServicesEndpoint) { }

    public record Reject(String incomingCallContext, RejectReason reason) { }

    public record Redirect(String incomingCallContext, Identifier target, CustomHeaders headers) { }

    /** {@code callLocator}: a server call id, a group call id, or a room id. */
    public record CallLocator(Kind kind, String id) {
        public enum Kind { SERVER_CALL, GROUP_CALL, ROOM_CALL }
    }

    public record Connect(CallLocator locator, String callbackUri, String operationContext, String apiVersion,
                          String cognitiveServicesEndpoint) { }

    public record Transfer(String callConnectionId, Identifier target, Identifier transferee, String operationContext,
                           String operationCallbackUri, CustomHeaders headers) { }

    public record AddParticipant(String callConnectionId, Identifier target, Integer invitationTimeoutInSeconds,
                                 Identifier sourceCallerIdNumber, String sourceDisplayName, String operationContext,
                                 String operationCallbackUri, CustomHeaders headers) { }

    public record RemoveParticipant(String callConnectionId, Identifier target, String operationContext,
                                    String operationCallbackUri) { }

    public record CancelAddParticipant(String callConnectionId, String invitationId, String operationContext,
                                       String operationCallbackUri) { }

    /** Mute, and Unmute of the previews, which has the same fields. */
    public record Mute(String callConnectionId, List<Identifier> targets, String operationContext) { }

    public record MoveParticipants(String callConnectionId, List<Identifier> targets, String fromCall,
                                   String operationContext, String operationCallbackUri) { }
}
