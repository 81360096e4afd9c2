package dev.acsemulator.call.streaming;

import dev.acsemulator.call.SubscriptionState;

import java.util.List;
import java.util.Objects;

/**
 * What GetCall (and the CreateCall, AnswerCall and Connect responses) show of a connection's media stream, the spec's
 * MediaStreamingSubscription. The id is the {@code subscriptionId} of the stream's AudioMetadata: made when the
 * options are given, new for each later start (docs/side-channels.md: a restarted stream sends a new AudioMetadata
 * with a new subscriptionId).
 */
public record MediaStreamingSubscription(String id, SubscriptionState state) {

    /** The stream carries audio only: the one content type there is. */
    public static final List<String> SUBSCRIBED_CONTENT_TYPES = List.of("audio");

    public MediaStreamingSubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
    }

    static SubscriptionState of(MediaStreamState state) {
        return switch (state) {
            case IDLE -> SubscriptionState.INACTIVE;
            case CONNECTING, STREAMING, RECONNECTING -> SubscriptionState.ACTIVE;
            case ENDED -> SubscriptionState.DISABLED;
        };
    }
}
