package dev.acsemulator.call.media;

import dev.acsemulator.call.ResultInformation;

/**
 * The {@code resultInformation} of the continuous DTMF and SendDtmfTones events (call-automation-behaviour.md §2.15,
 * §2.16, §2.22, §4). Where the service's own callbacks were recorded their values are used as recorded.
 */
public final class DtmfResults {

    /**
     * ContinuousDtmfRecognitionToneReceived: the message of the service's code table (no recording of the event
     * holds one).
     */
    public static final ResultInformation TONE_RECEIVED = new ResultInformation(200, 0,
            "DTMF tone received successfully.");
    /**
     * ContinuousDtmfRecognitionStopped, after a stop and when the call ends: the service sent 200/7000 with the
     * "conversation has ended" message after a stop while the call was still up (azure-sdk-for-java
     * dtmfActionsInACallAutomatedTest.json, api-version 2025-06-15), not the code table's 200/0.
     */
    public static final ResultInformation RECOGNITION_STOPPED = new ResultInformation(200, 7000,
            "The conversation has ended. DiagCode: 0#7000.@");
    /** SendDtmfTonesCompleted: an empty message (the same recording). */
    public static final ResultInformation TONES_SENT = ResultInformation.OK;
    /**
     * SendDtmfTonesFailed: the target left the call before its tones were all sent. The service's result for it was
     * not observed: 8558 is the code table's "participant not present" (openapi/DEVIATIONS.md 37).
     */
    public static final ResultInformation TARGET_LEFT = new ResultInformation(400, 8558,
            "Action failed, the participant is not present in the call.");

    private DtmfResults() {
    }
}
