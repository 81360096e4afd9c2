package dev.acsemulator.call;

import java.util.Map;

/**
 * {@code customCallingContext}: SIP and VoIP headers carried to the target's IncomingCall. Whether the request carried
 * one at all matters on the wire: the service's IncomingCall has {@code customContext} exactly when the invitation's
 * request had a {@code customCallingContext}, even an empty one (recorded: azure-sdk-for-java
 * createVOIPCallAndAnswerThenAddParticipantFinallyRemoveParticipantAutomatedTest.json, where an add's empty context
 * gives {@code {"sipHeaders":{},"voipHeaders":{}}} and the create without one gives no {@code customContext}).
 *
 * @param given whether the request carried a {@code customCallingContext}
 */
public record CustomHeaders(Map<String, String> sipHeaders, Map<String, String> voipHeaders, boolean given) {

    /** The request carried no {@code customCallingContext}: the IncomingCall has no {@code customContext}. */
    public static final CustomHeaders NONE = new CustomHeaders(Map.of(), Map.of(), false);

    public CustomHeaders {
        sipHeaders = sipHeaders == null ? Map.of() : Map.copyOf(sipHeaders);
        voipHeaders = voipHeaders == null ? Map.of() : Map.copyOf(voipHeaders);
    }

    /** A {@code customCallingContext} the request carried, possibly with no headers. */
    public CustomHeaders(Map<String, String> sipHeaders, Map<String, String> voipHeaders) {
        this(sipHeaders, voipHeaders, true);
    }
}
