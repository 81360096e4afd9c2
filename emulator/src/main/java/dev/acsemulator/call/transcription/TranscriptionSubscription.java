package dev.acsemulator.call.transcription;

import dev.acsemulator.call.SubscriptionState;

import java.util.List;
import java.util.Objects;

/**
 * What GetCall (and the CreateCall, AnswerCall and Connect responses) show of a connection's transcription, the
 * spec's TranscriptionSubscription: the id is the {@code subscriptionId} of its TranscriptionMetadata (made when the
 * transcription is set up, new for each later start), the result types it sends (final, and intermediate when
 * {@code enableIntermediateResults} asked for them) and the locale it transcribes in now (an update changes it).
 */
public record TranscriptionSubscription(String id, SubscriptionState state, List<String> subscribedResultTypes,
                                        String locale) {

    static final List<String> FINAL_ONLY = List.of("final");
    static final List<String> FINAL_AND_INTERMEDIATE = List.of("final", "intermediate");

    public TranscriptionSubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        subscribedResultTypes = List.copyOf(subscribedResultTypes);
    }

    static SubscriptionState of(TranscriptionState state) {
        return switch (state) {
            case NOT_STARTED, STOPPED, FAILED -> SubscriptionState.INACTIVE;
            case CONNECTING, ACTIVE -> SubscriptionState.ACTIVE;
            case ENDED -> SubscriptionState.DISABLED;
        };
    }
}
