package dev.acsemulator.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.CallEvent.AddParticipantFailed;
import dev.acsemulator.call.event.CallEvent.AddParticipantSucceeded;
import dev.acsemulator.call.event.CallEvent.AnswerFailed;
import dev.acsemulator.call.event.CallEvent.CallConnected;
import dev.acsemulator.call.event.CallEvent.CallDisconnected;
import dev.acsemulator.call.event.CallEvent.CallTransferAccepted;
import dev.acsemulator.call.event.CallEvent.CallTransferFailed;
import dev.acsemulator.call.event.CallEvent.CancelAddParticipantFailed;
import dev.acsemulator.call.event.CallEvent.CancelAddParticipantSucceeded;
import dev.acsemulator.call.event.CallEvent.ConnectFailed;
import dev.acsemulator.call.event.CallEvent.CreateCallFailed;
import dev.acsemulator.call.event.CallEvent.HoldAudioCompleted;
import dev.acsemulator.call.event.CallEvent.HoldAudioPaused;
import dev.acsemulator.call.event.CallEvent.HoldAudioResumed;
import dev.acsemulator.call.event.CallEvent.HoldAudioStarted;
import dev.acsemulator.call.event.CallEvent.HoldFailed;
import dev.acsemulator.call.event.CallEvent.MoveParticipantFailed;
import dev.acsemulator.call.event.CallEvent.MoveParticipantSucceeded;
import dev.acsemulator.call.event.CallEvent.ParticipantsUpdated;
import dev.acsemulator.call.event.CallEvent.PlayCanceled;
import dev.acsemulator.call.event.CallEvent.PlayCompleted;
import dev.acsemulator.call.event.CallEvent.PlayFailed;
import dev.acsemulator.call.event.CallEvent.PlayStarted;
import dev.acsemulator.call.event.CallEvent.RecognizeCanceled;
import dev.acsemulator.call.event.CallEvent.RecognizeCompleted;
import dev.acsemulator.call.event.CallEvent.RecognizeFailed;
import dev.acsemulator.call.event.CallEvent.RemoveParticipantFailed;
import dev.acsemulator.call.event.CallEvent.RemoveParticipantSucceeded;
import dev.acsemulator.call.event.CallEvent.ContinuousDtmfRecognitionStopped;
import dev.acsemulator.call.event.CallEvent.ContinuousDtmfRecognitionToneReceived;
import dev.acsemulator.call.event.CallEvent.SendDtmfTonesCompleted;
import dev.acsemulator.call.event.CallEvent.SendDtmfTonesFailed;
import dev.acsemulator.call.event.CallEvent.MediaStreamingFailed;
import dev.acsemulator.call.event.CallEvent.MediaStreamingStarted;
import dev.acsemulator.call.event.CallEvent.MediaStreamingStopped;
import dev.acsemulator.call.event.CallEvent.RecordingStateChanged;
import dev.acsemulator.call.event.CallEvent.StartRecordingFailed;
import dev.acsemulator.call.event.CallEvent.TranscriptionCallSummaryUpdated;
import dev.acsemulator.call.event.CallEvent.TranscriptionFailed;
import dev.acsemulator.call.event.CallEvent.TranscriptionStarted;
import dev.acsemulator.call.event.CallEvent.TranscriptionStopped;
import dev.acsemulator.call.event.CallEvent.TranscriptionUpdated;
import dev.acsemulator.call.event.TranscriptionUpdate;
import dev.acsemulator.json.IdentifierModels;
import dev.acsemulator.json.ParticipantModels;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one writer of each event type's own {@code data} fields, beyond the fields every event has: one line per type of
 * {@link CallEvent}, naming the properties of the spec's event model of the same name.
 *
 * <p>A table rather than a visitor: it reads like the spec's list of event models, and the domain stays free of JSON.
 * It is complete by construction: loading it fails, naming the type, when a type {@link CallEvent} permits has no
 * line or has two, so an event added to the domain cannot go out with only the common fields.
 */
final class EventFieldWriters {

    /** Writes the fields of one event type into its {@code data} object. */
    @FunctionalInterface
    interface FieldWriter<E extends CallEvent> {
        void write(E event, ObjectNode data);
    }

    /** For the events whose model has only the fields every event has (the spec's CallConnected, ...). */
    private static final FieldWriter<CallEvent> NO_OWN_FIELDS = (event, data) -> { };

    private record Line<E extends CallEvent>(Class<E> type, FieldWriter<? super E> writer) {
        void write(CallEvent event, ObjectNode data) {
            writer.write(type.cast(event), data);
        }
    }

    private static final Map<Class<? extends CallEvent>, Line<?>> LINES = complete(
            line(CallConnected.class, NO_OWN_FIELDS),
            line(CallDisconnected.class, NO_OWN_FIELDS),
            line(CreateCallFailed.class, NO_OWN_FIELDS),
            line(AnswerFailed.class, NO_OWN_FIELDS),
            line(ConnectFailed.class, NO_OWN_FIELDS),
            line(ParticipantsUpdated.class, (e, data) -> {
                data.put("sequenceNumber", e.sequenceNumber());
                ArrayNode participants = data.putArray("participants");
                e.participants().forEach(view -> participants.add(ParticipantModels.write(view)));
            }),
            line(AddParticipantSucceeded.class, (e, data) -> participant(data, e.participant())),
            line(AddParticipantFailed.class, (e, data) -> participant(data, e.participant())),
            line(RemoveParticipantSucceeded.class, (e, data) -> participant(data, e.participant())),
            line(RemoveParticipantFailed.class, (e, data) -> participant(data, e.participant())),
            line(CancelAddParticipantSucceeded.class, (e, data) -> data.put("invitationId", e.invitationId())),
            line(CancelAddParticipantFailed.class, (e, data) -> data.put("invitationId", e.invitationId())),
            line(CallTransferAccepted.class, (e, data) -> {
                data.set("transferTarget", IdentifierModels.write(e.transferTarget()));
                data.set("transferee", IdentifierModels.write(e.transferee()));
            }),
            // The spec's CallTransferFailed has only the common fields in every held version: the target and the
            // transferee the domain knows are not on the wire.
            line(CallTransferFailed.class, NO_OWN_FIELDS),
            line(MoveParticipantSucceeded.class, (e, data) -> participantFromCall(data, e.participant(), e.fromCall())),
            line(MoveParticipantFailed.class, (e, data) -> participantFromCall(data, e.participant(), e.fromCall())),
            line(PlayStarted.class, NO_OWN_FIELDS),
            line(PlayCompleted.class, NO_OWN_FIELDS),
            line(PlayFailed.class, (e, data) -> data.put("failedPlaySourceIndex", e.failedPlaySourceIndex())),
            line(PlayCanceled.class, NO_OWN_FIELDS),
            line(RecognizeCompleted.class, RecognitionFields::write),
            line(RecognizeFailed.class, (e, data) -> {
                if (e.failedPlaySourceIndex() != null) {
                    data.put("failedPlaySourceIndex", e.failedPlaySourceIndex());
                }
            }),
            line(RecognizeCanceled.class, NO_OWN_FIELDS),
            line(ContinuousDtmfRecognitionToneReceived.class, (e, data) -> data.put("sequenceId", e.sequenceId())
                    .put("tone", e.tone())),
            line(ContinuousDtmfRecognitionStopped.class, NO_OWN_FIELDS),
            line(SendDtmfTonesCompleted.class, NO_OWN_FIELDS),
            line(SendDtmfTonesFailed.class, NO_OWN_FIELDS),
            line(HoldFailed.class, NO_OWN_FIELDS),
            line(HoldAudioStarted.class, NO_OWN_FIELDS),
            line(HoldAudioPaused.class, NO_OWN_FIELDS),
            line(HoldAudioResumed.class, NO_OWN_FIELDS),
            line(HoldAudioCompleted.class, NO_OWN_FIELDS),
            line(RecordingStateChanged.class, (e, data) -> {
                data.put("recordingId", e.recordingId());
                data.put("state", e.state());
                data.put("startDateTime", EventTimes.format(e.startDateTime()));
                data.put("recordingKind", e.recordingKind());
                data.put("eventSource", CloudEventWriter.subjectOf(e));
            }),
            line(StartRecordingFailed.class, (e, data) -> data.put("recordingId", e.recordingId())),
            line(TranscriptionStarted.class, (e, data) -> transcriptionUpdate(data, e.transcriptionUpdate())),
            line(TranscriptionStopped.class, (e, data) -> transcriptionUpdate(data, e.transcriptionUpdate())),
            line(TranscriptionUpdated.class, (e, data) -> transcriptionUpdate(data, e.transcriptionUpdate())),
            line(TranscriptionFailed.class, (e, data) -> transcriptionUpdate(data, e.transcriptionUpdate())),
            line(TranscriptionCallSummaryUpdated.class,
                    (e, data) -> transcriptionUpdate(data, e.transcriptionUpdate())),
            line(MediaStreamingStarted.class, (e, data) -> mediaStreamingUpdate(data, e.update())),
            line(MediaStreamingStopped.class, (e, data) -> mediaStreamingUpdate(data, e.update())),
            line(MediaStreamingFailed.class, (e, data) -> mediaStreamingUpdate(data, e.update())));

    private EventFieldWriters() {
    }

    /** Writes {@code event}'s own fields into {@code data} with the writer of its type. */
    static void write(CallEvent event, ObjectNode data) {
        LINES.get(event.getClass()).write(event, data);
    }

    /** The event types that have a writer (every type {@link CallEvent} permits, once the table has loaded). */
    static Set<Class<? extends CallEvent>> types() {
        return LINES.keySet();
    }

    private static <E extends CallEvent> Line<E> line(Class<E> type, FieldWriter<? super E> writer) {
        return new Line<>(type, writer);
    }

    private static Map<Class<? extends CallEvent>, Line<?>> complete(Line<?>... lines) {
        Map<Class<? extends CallEvent>, Line<?>> byType = new HashMap<>();
        for (Line<?> line : lines) {
            if (byType.put(line.type(), line) != null) {
                throw new IllegalStateException("Two writers for event type " + line.type().getSimpleName());
            }
        }
        List<String> missing = Arrays.stream(CallEvent.class.getPermittedSubclasses())
                .filter(type -> !byType.containsKey(type))
                .map(Class::getSimpleName)
                .sorted()
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No writer for event types " + missing
                    + ": add a line to EventFieldWriters naming the fields of the spec's model");
        }
        return Map.copyOf(byType);
    }

    private static void participant(ObjectNode data, Identifier participant) {
        data.set("participant", IdentifierModels.write(participant));
    }

    private static void participantFromCall(ObjectNode data, Identifier participant, String fromCall) {
        participant(data, participant);
        data.put("fromCall", fromCall);
    }

    /** The {@code transcriptionUpdate} of the Transcription* events; the message only when there is one. */
    private static void transcriptionUpdate(ObjectNode data, TranscriptionUpdate update) {
        ObjectNode node = data.putObject("transcriptionUpdate");
        node.put("transcriptionStatus", update.transcriptionStatus());
        node.put("transcriptionStatusDetails", update.transcriptionStatusDetails());
        if (update.transcriptionMessage() != null) {
            node.put("transcriptionMessage", update.transcriptionMessage());
        }
    }

    /** The {@code mediaStreamingUpdate} object of the MediaStreaming* events. */
    private static void mediaStreamingUpdate(ObjectNode data, dev.acsemulator.call.event.MediaStreamingUpdate update) {
        data.putObject("mediaStreamingUpdate").put("contentType", update.contentType())
                .put("mediaStreamingStatus", update.mediaStreamingStatus())
                .put("mediaStreamingStatusDetails", update.mediaStreamingStatusDetails());
    }
}
