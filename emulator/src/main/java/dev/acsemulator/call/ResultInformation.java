package dev.acsemulator.call;

/**
 * The {@code resultInformation} of a callback event: a SIP-like code, a service subcode and a message.
 * Values are those of call-automation-behaviour.md §4; messages carry the service's {@code DiagCode} suffix where
 * the real service's do.
 */
public record ResultInformation(int code, int subCode, String message) {

    /** Success on events that report no particular outcome (§2: {@code {"code":200,"subCode":0,"message":""}}). */
    public static final ResultInformation OK = new ResultInformation(200, 0, "");

    /**
     * §2.20: the connection that hung up or terminated (recorded: azure-sdk-for-java
     * createVOIPCallAndAnswerThenHangupAutomatedTest.json, api-version 2025-06-15), and every other connection of a
     * call an application terminated (every recorded terminate since July 2025).
     */
    public static final ResultInformation ENDED_BY_CALL_AUTOMATION = new ResultInformation(200, 7000,
            "Call was ended by Azure Communication Service Call Automation API or a server bot. DiagCode: 0#7000.@");
    /**
     * §2.20: every application connection left in a call that ends because a person in it hung up (the code the
     * recordings of 2025 gave the other party's connection; no recording shows a person hanging up). A call an
     * application terminates gives every connection {@link #ENDED_BY_CALL_AUTOMATION} instead.
     */
    public static final ResultInformation OTHER_PARTY_ENDED = new ResultInformation(200, 5001,
            "This conversation has ended.. DiagCode: 0#5001.@");
    /** §2.20: the remaining application when another application leaves a 1:1 call (recorded). */
    public static final ResultInformation ONLY_ONE_PARTICIPANT_LEFT = new ResultInformation(200, 5010,
            "This conversation has ended as only one participant was remaining in the conversation. "
                    + "DiagCode: 0#5010.@");
    /** §2.1, §2.10: the conversation ended (callee rejected, last peer removed). */
    public static final ResultInformation CONVERSATION_ENDED = new ResultInformation(200, 5002,
            "The conversation has ended. DiagCode: 0#5002.@");
    /** The connection of a participant that another participant removed (the Azure SDKs' recorded traffic). */
    public static final ResultInformation REMOVED_BY_PARTICIPANT = new ResultInformation(200, 5300,
            "Call ended for this participant as it was removed from the conversation by another participant. "
                    + "DiagCode: 0#5300.@");
    /** §2.6: transfer accepted, and the app's leg ended after a successful transfer. */
    public static final ResultInformation TRANSFER_COMPLETED = new ResultInformation(200, 7015,
            "The transfer operation completed successfully.");
    /** §2.3: another endpoint answered first. */
    public static final ResultInformation ACCEPTED_ELSEWHERE = new ResultInformation(487, 10003,
            "Call was accepted by another endpoint (e.g. different bot answered the call). DiagCode: 487#10003.@");
    /** §2.1, §2.8: a VoIP invitation rang out. */
    public static final ResultInformation RING_TIMEOUT = new ResultInformation(487, 10004,
            "Call was canceled on timeout, no callee endpoint accepted on time. DiagCode: 487#10004.@");
    /** §4 (D-PSTN): no answer from a phone number. */
    public static final ResultInformation PSTN_NO_ANSWER = new ResultInformation(480, 560480,
            "No answer from callee. DiagCode: 480#560480.@");
    /** §4: the callee is busy. */
    public static final ResultInformation BUSY = new ResultInformation(486, 560486,
            "Callee is busy. DiagCode: 486#560486.@");
    /** §4: the callee rejected with reason forbidden. */
    public static final ResultInformation FORBIDDEN = new ResultInformation(403, 560403,
            "Call was rejected (forbidden). DiagCode: 403#560403.@");
    /**
     * CancelAddParticipantSucceeded: the cancelled invitation, named by its target (recorded in July 2025 at
     * api-versions 2024-09-01-preview and 2025-06-15: azure-sdk-for-net CancelAddParticipantTest.json,
     * azure-sdk-for-java createVOIPCallAndAnswerThenAddParticipantFinallyCancelAddParticipant.json; DEVIATIONS 24).
     */
    public static ResultInformation invitationCancelled(Identifier target) {
        return new ResultInformation(487, 5234, "addParticipants failed for participant " + target.rawId()
                + ". Underlying reason: The Call Has Been Cancelled. DiagCode: 487#5234.@");
    }

    /** §4: call or participant not found. */
    public static final ResultInformation NOT_FOUND = new ResultInformation(404, 8522,
            "Resource not found. DiagCode: 404#8522.@");
    /** §2.9: a cancel that came after the invitation was already answered or failed. */
    public static final ResultInformation ALREADY_PROCESSED = new ResultInformation(409, 8519,
            "Conflict: the add participant operation has already been processed. DiagCode: 409#8519.@");
    /** §4: a call could not be joined (no call with that locator). */
    public static final ResultInformation CALL_DOES_NOT_EXIST = new ResultInformation(404, 4500,
            "Call id does not exist or the call has already ended. DiagCode: 404#4500.@");

    /** §4 AnswerFailed: the call was terminated before the answer arrived. */
    public static final ResultInformation CALL_ALREADY_ENDED = new ResultInformation(400, 8528,
            "Action is not supported, the call has been terminated. DiagCode: 400#8528.@");

    /** §4 (D-CALLEND 603/0, D-PSTN 603/560603): the callee declined. */
    public static final ResultInformation DECLINED = new ResultInformation(603, 560603,
            "Call was declined by the callee. DiagCode: 603#560603.@");
    /** §4: a VoIP callee that is not registered or reachable. */
    public static final ResultInformation UNREACHABLE = new ResultInformation(480, 10078,
            "Remote participant is not registered or not reachable. DiagCode: 480#10078.@");
    /** §4 (D-PSTN 480/560480): a phone number that is unavailable. */
    public static final ResultInformation PSTN_UNAVAILABLE = new ResultInformation(480, 560480,
            "Callee is temporarily unavailable. DiagCode: 480#560480.@");

    public boolean isSuccess() {
        return code >= 200 && code < 300;
    }

    /** The same outcome for an invitation whose target was declined or cancelled by a reject reason. */
    public static ResultInformation forRejectReason(RejectReason reason) {
        return switch (reason) {
            case NONE -> CONVERSATION_ENDED;
            case BUSY -> BUSY;
            case FORBIDDEN -> FORBIDDEN;
        };
    }
}
