package dev.acsemulator.events;

import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.ResultInformation;
import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.MediaStreamingUpdate;
import dev.acsemulator.call.media.DtmfResults;
import dev.acsemulator.call.media.MediaResults;
import dev.acsemulator.call.event.EventHeader;
import dev.acsemulator.call.event.TranscriptionUpdate;
import dev.acsemulator.call.transcription.TranscriptionResults;
import dev.acsemulator.call.event.EventTarget;
import dev.acsemulator.call.event.ParticipantView;
import dev.acsemulator.call.event.Recognition;
import dev.acsemulator.call.media.MediaResults;
import dev.acsemulator.call.media.RecognizeResults;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One instance of each callback event type, with the values a real call would carry: an application calling a phone
 * number and a Teams-less ACS user, results as the service reports them, operation contexts echoed where the action
 * that caused the event had one (ParticipantsUpdated never has one).
 */
final class SampleCallEvents {

    static final String CALL_CONNECTION_ID = "421f3500-43b3-4a0b-9e7e-1a6b5e2e4f01";
    static final String SERVER_CALL_ID = "aHR0cHM6Ly9hcGkuZmxpZ2h0cHJveHkuc2t5cGUuY29tL2FwaS92Mi9jcC9jb252LXVzZWEtMDIt"
            + "c2RmLWFrcy5jb252LnNreXBlLmNvbS9jb252Lzh4R3RfVkpFTkVHckl6TWtxVFdTRFE/aT0xMC0xMjgtNjEtMTg0";
    static final Identifier USER = Identifier.communicationUser(
            "8:acs:0a5e0000-ca11-4a7e-8000-000000000001_00000020-1f0e-4c0b-8d6e-3a0d006e1000");
    static final Identifier PHONE = Identifier.phoneNumber("+14255550123");
    private static final String INVITATION = "b0f1c2d3-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    /** The service's form: base64url of {"PlatformEndpointId":"<callConnectionId>","ResourceSpecificId":"<guid>"}. */
    private static final String RECORDING_ID = "eyJQbGF0Zm9ybUVuZHBvaW50SWQiOiI0MjFmMzUwMC00M2IzLTRhMGItOWU3ZS0xYTZiNWUyZTRmM"
            + "DEiLCJSZXNvdXJjZVNwZWNpZmljSWQiOiIyNTM4YzhhMS0wMWFiLTRhZGEtYTUyOS1iM2JkOTA1YjQyYmIifQ";
    private static final String OTHER_CALL = "7c2e6a40-1d5b-4f3e-9a8c-0b1d2e3f4a5b";

    private static final Map<Class<? extends CallEvent>, Function<EventTarget, CallEvent>> SAMPLES = Map.ofEntries(
            sample(CallEvent.CallConnected.class, t -> new CallEvent.CallConnected(
                    header(t, "create-call", ResultInformation.OK))),
            sample(CallEvent.CallDisconnected.class, t -> new CallEvent.CallDisconnected(
                    header(t, "create-call", ResultInformation.OTHER_PARTY_ENDED))),
            sample(CallEvent.CreateCallFailed.class, t -> new CallEvent.CreateCallFailed(
                    header(t, "create-call", ResultInformation.BUSY))),
            sample(CallEvent.AnswerFailed.class, t -> new CallEvent.AnswerFailed(
                    header(t, "answer", ResultInformation.ACCEPTED_ELSEWHERE))),
            sample(CallEvent.ConnectFailed.class, t -> new CallEvent.ConnectFailed(
                    header(t, "connect-room", ResultInformation.CALL_DOES_NOT_EXIST))),
            sample(CallEvent.ParticipantsUpdated.class, t -> new CallEvent.ParticipantsUpdated(
                    header(t, null, ResultInformation.OK), 3,
                    List.of(new ParticipantView(USER, false, false), new ParticipantView(PHONE, true, true)))),
            sample(CallEvent.AddParticipantSucceeded.class, t -> new CallEvent.AddParticipantSucceeded(
                    header(t, "add-pstn", ResultInformation.OK), PHONE, INVITATION)),
            sample(CallEvent.AddParticipantFailed.class, t -> new CallEvent.AddParticipantFailed(
                    header(t, "add-pstn", ResultInformation.PSTN_NO_ANSWER), PHONE, INVITATION)),
            sample(CallEvent.RemoveParticipantSucceeded.class, t -> new CallEvent.RemoveParticipantSucceeded(
                    header(t, "remove-user", ResultInformation.OK), USER)),
            sample(CallEvent.RemoveParticipantFailed.class, t -> new CallEvent.RemoveParticipantFailed(
                    header(t, "remove-user", ResultInformation.NOT_FOUND), USER)),
            sample(CallEvent.CancelAddParticipantSucceeded.class, t -> new CallEvent.CancelAddParticipantSucceeded(
                    header(t, "cancel-add", ResultInformation.invitationCancelled(Identifier.communicationUser("8:acs:0a5e0000-ca11-4a7e-8000-000000000001_bob"))), INVITATION)),
            sample(CallEvent.CancelAddParticipantFailed.class, t -> new CallEvent.CancelAddParticipantFailed(
                    header(t, "cancel-add", ResultInformation.ALREADY_PROCESSED), INVITATION)),
            sample(CallEvent.CallTransferAccepted.class, t -> new CallEvent.CallTransferAccepted(
                    header(t, "transfer", ResultInformation.TRANSFER_COMPLETED), PHONE, USER)),
            sample(CallEvent.CallTransferFailed.class, t -> new CallEvent.CallTransferFailed(
                    header(t, "transfer", ResultInformation.BUSY), PHONE, USER)),
            sample(CallEvent.MoveParticipantSucceeded.class, t -> new CallEvent.MoveParticipantSucceeded(
                    header(t, "move", ResultInformation.OK), PHONE, OTHER_CALL)),
            sample(CallEvent.MoveParticipantFailed.class, t -> new CallEvent.MoveParticipantFailed(
                    header(t, "move", ResultInformation.NOT_FOUND), PHONE, OTHER_CALL)),
            sample(CallEvent.PlayStarted.class, t -> new CallEvent.PlayStarted(
                    header(t, "menu", MediaResults.COMPLETED))),
            sample(CallEvent.PlayCompleted.class, t -> new CallEvent.PlayCompleted(
                    header(t, "menu", MediaResults.COMPLETED))),
            sample(CallEvent.PlayFailed.class, t -> new CallEvent.PlayFailed(
                    header(t, "menu", MediaResults.FILE_FORMAT_INVALID), 1)),
            sample(CallEvent.PlayCanceled.class, t -> new CallEvent.PlayCanceled(
                    header(t, "menu", MediaResults.CANCELED))),
            sample(CallEvent.RecognizeCompleted.class, t -> new CallEvent.RecognizeCompleted(
                    header(t, "pin", RecognizeResults.STOP_TONE),
                    new Recognition.Dtmf(List.of("five", "six")))),
            sample(CallEvent.RecognizeFailed.class, t -> new CallEvent.RecognizeFailed(
                    header(t, "pin", RecognizeResults.PROMPT_FAILED), 0)),
            sample(CallEvent.RecognizeCanceled.class, t -> new CallEvent.RecognizeCanceled(
                    header(t, "pin", MediaResults.CANCELED))),
            sample(CallEvent.ContinuousDtmfRecognitionToneReceived.class, t ->
                    new CallEvent.ContinuousDtmfRecognitionToneReceived(
                            header(t, "keys", DtmfResults.TONE_RECEIVED), 2, "pound")),
            sample(CallEvent.ContinuousDtmfRecognitionStopped.class, t ->
                    new CallEvent.ContinuousDtmfRecognitionStopped(header(t, "keys", DtmfResults.RECOGNITION_STOPPED))),
            sample(CallEvent.SendDtmfTonesCompleted.class, t -> new CallEvent.SendDtmfTonesCompleted(
                    header(t, "dial-extension", DtmfResults.TONES_SENT))),
            sample(CallEvent.SendDtmfTonesFailed.class, t -> new CallEvent.SendDtmfTonesFailed(
                    header(t, "dial-extension", DtmfResults.TARGET_LEFT))),
            sample(CallEvent.HoldFailed.class, t -> new CallEvent.HoldFailed(
                    header(t, "hold", MediaResults.FILE_NOT_DOWNLOADED))),
            sample(CallEvent.HoldAudioStarted.class, t -> new CallEvent.HoldAudioStarted(
                    header(t, "hold", MediaResults.COMPLETED))),
            sample(CallEvent.HoldAudioPaused.class, t -> new CallEvent.HoldAudioPaused(
                    header(t, "hold", MediaResults.COMPLETED))),
            sample(CallEvent.HoldAudioResumed.class, t -> new CallEvent.HoldAudioResumed(
                    header(t, "hold", MediaResults.COMPLETED))),
            sample(CallEvent.HoldAudioCompleted.class, t -> new CallEvent.HoldAudioCompleted(
                    header(t, "hold", MediaResults.HOLD_AUDIO_ENDED_BY_UNHOLD))),
            sample(CallEvent.RecordingStateChanged.class, t -> new CallEvent.RecordingStateChanged(
                    header(t, null, ResultInformation.OK), RECORDING_ID, "active",
                    java.time.Instant.parse("2025-06-17T17:18:13.1230000Z"), "azureCommunicationServices")),
            sample(CallEvent.StartRecordingFailed.class, t -> new CallEvent.StartRecordingFailed(
                    header(t, null, ResultInformation.CALL_ALREADY_ENDED), RECORDING_ID)),
            sample(CallEvent.TranscriptionStarted.class, t -> new CallEvent.TranscriptionStarted(
                    header(t, "StartTranscription", TranscriptionResults.COMPLETED),
                    new TranscriptionUpdate("transcriptionStarted", "subscriptionStarted"))),
            sample(CallEvent.TranscriptionStopped.class, t -> new CallEvent.TranscriptionStopped(
                    header(t, "StopTranscription", TranscriptionResults.COMPLETED),
                    new TranscriptionUpdate("transcriptionStopped", "subscriptionStopped"))),
            sample(CallEvent.TranscriptionUpdated.class, t -> new CallEvent.TranscriptionUpdated(
                    header(t, "StartTranscription", TranscriptionResults.COMPLETED),
                    new TranscriptionUpdate("transcriptionUpdated", "transcriptionLocaleUpdated"))),
            sample(CallEvent.TranscriptionFailed.class, t -> new CallEvent.TranscriptionFailed(
                    header(t, null, TranscriptionResults.SOCKET_NOT_CONNECTED),
                    new TranscriptionUpdate("transcriptionFailed", "streamConnectionUnsuccessful"))),
            sample(CallEvent.TranscriptionCallSummaryUpdated.class, t -> new CallEvent.TranscriptionCallSummaryUpdated(
                    header(t, "summary", TranscriptionResults.COMPLETED),
                    new TranscriptionUpdate("callSummaryUpdated", "callSummarySuccess",
                            "1 phrase by 8:acs:caller. Said: \"My card was charged twice.\""))),
            sample(CallEvent.MediaStreamingStarted.class, t -> new CallEvent.MediaStreamingStarted(
                    header(t, "startMediaStreamingContext", new ResultInformation(200, 0, "Action completed successfully.")),
                    MediaStreamingUpdate.audio("mediaStreamingStarted", "subscriptionStarted"))),
            sample(CallEvent.MediaStreamingStopped.class, t -> new CallEvent.MediaStreamingStopped(
                    header(t, "startMediaStreamingContext", new ResultInformation(200, 0, "Action completed successfully.")),
                    MediaStreamingUpdate.audio("mediaStreamingStopped", "subscriptionStopped"))),
            sample(CallEvent.MediaStreamingFailed.class, t -> new CallEvent.MediaStreamingFailed(
                    header(t, null, new ResultInformation(500, 8603,
                            "Action failed, not able to establish websocket connection.")),
                    MediaStreamingUpdate.audio("mediaStreamingFailed", "streamConnectionUnsuccessful"))));

    private SampleCallEvents() {
    }

    /** The sample of {@code type} addressed to a connection of {@code apiVersion}; empty when there is none. */
    static Optional<CallEvent> of(Class<?> type, String apiVersion) {
        return Optional.ofNullable(SAMPLES.get(type)).map(sample -> sample.apply(target(apiVersion)));
    }

    static EventTarget target(String apiVersion) {
        return new EventTarget(CALL_CONNECTION_ID, SERVER_CALL_ID, "068b6e61-21c3-45ff-a2fd-2aa161224762",
                "https://app.contoso.example/api/callbacks", apiVersion);
    }

    private static EventHeader header(EventTarget target, String operationContext, ResultInformation result) {
        return new EventHeader("d5546be8-227a-4db8-b2c3-4f06fd675fd6", target, operationContext, result);
    }

    private static <E extends CallEvent> Map.Entry<Class<? extends CallEvent>, Function<EventTarget, CallEvent>> sample(
            Class<E> type, Function<EventTarget, E> sample) {
        return Map.entry(type, sample::apply);
    }
}
