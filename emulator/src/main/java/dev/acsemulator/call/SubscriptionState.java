package dev.acsemulator.call;

/**
 * The state GetCall shows of a connection's media streaming or transcription subscription (the spec's
 * MediaStreamingSubscriptionState and TranscriptionSubscriptionState, the same three values): a connection given
 * {@code mediaStreamingOptions} or {@code transcriptionOptions} has a subscription from the moment it is created,
 * answered or connected, {@link #INACTIVE} until it is started, {@link #ACTIVE} while it runs (connecting, streaming,
 * reconnecting), {@link #INACTIVE} again once stopped or failed, {@link #DISABLED} once the connection has ended.
 */
public enum SubscriptionState {
    DISABLED("disabled"),
    INACTIVE("inactive"),
    ACTIVE("active");

    private final String wireName;

    SubscriptionState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
