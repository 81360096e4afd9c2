package dev.acsemulator.delivery;

import java.util.Locale;

/**
 * What became of one delivery attempt, for callbacks and Event Grid events alike; the control API shows the
 * lower-case name.
 */
public enum DeliveryOutcome {
    /** The receiver answered 2xx. */
    DELIVERED,
    /** The attempt failed and another is scheduled. */
    RETRYING,
    /** The attempt failed and no other will be made (a status that is never retried, or no retries left). */
    FAILED,
    /** The event was never sent: a full queue, an unvalidated subscription, or a fault rule. */
    DROPPED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
