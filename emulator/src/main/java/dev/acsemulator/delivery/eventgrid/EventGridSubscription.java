package dev.acsemulator.delivery.eventgrid;

import dev.acsemulator.call.Identifier;

import dev.acsemulator.events.EventGridEventType;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An Event Grid webhook subscription on the emulated resource's system topic, delivering the event types it includes
 * (IncomingCall unless it names others).
 *
 * @param name                the subscription name, sent as {@code aeg-subscription-name}
 * @param endpoint            the application's webhook URL
 * @param toRawIds            deliver only calls to these raw ids (an advanced filter on {@code data.to.rawId}); empty: all
 * @param toRawIdPrefixes     deliver only calls to raw ids starting with one of these; empty: no prefix filter
 * @param schema              the delivery schema: Event Grid's own, or CloudEvents 1.0
 * @param maxDeliveryAttempts Event Grid's retry policy: attempts at most (1..30, default 30)
 * @param eventTimeToLive     Event Grid's retry policy: how long an event is retried (1 min..1 day, default 1 day)
 * @param includedEventTypes  Event Grid's {@code includedEventTypes} filter: the event types delivered (default
 *                            IncomingCall only)
 */
public record EventGridSubscription(String name, String endpoint, List<String> toRawIds,
                                    List<String> toRawIdPrefixes, Schema schema, int maxDeliveryAttempts,
                                    Duration eventTimeToLive, Set<EventGridEventType> includedEventTypes) {

    /** The event schema a subscription delivers in (D-EGHOOK). */
    public enum Schema {
        EVENT_GRID("EventGridSchema"), CLOUD_EVENTS("CloudEventSchemaV1_0");

        private final String wireName;

        Schema(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Schema fromWireName(String name) {
            for (Schema schema : values()) {
                if (schema.wireName.equalsIgnoreCase(name) || schema.name().equalsIgnoreCase(name)) {
                    return schema;
                }
            }
            throw new IllegalArgumentException("schema must be EventGridSchema or CloudEventSchemaV1_0");
        }
    }

    public static final int DEFAULT_MAX_ATTEMPTS = 30;
    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofMinutes(1440);

    public EventGridSubscription {
        toRawIds = toRawIds == null ? List.of() : List.copyOf(toRawIds);
        toRawIdPrefixes = toRawIdPrefixes == null ? List.of() : List.copyOf(toRawIdPrefixes);
        schema = schema == null ? Schema.EVENT_GRID : schema;
        if (maxDeliveryAttempts < 1 || maxDeliveryAttempts > 30) {
            throw new IllegalArgumentException("maxDeliveryAttempts must be between 1 and 30");
        }
        eventTimeToLive = eventTimeToLive == null ? DEFAULT_TIME_TO_LIVE : eventTimeToLive;
        includedEventTypes = includedEventTypes == null || includedEventTypes.isEmpty() ? EventGridEventType.DEFAULT
                : Collections.unmodifiableSet(EnumSet.copyOf(includedEventTypes));
        if (eventTimeToLive.compareTo(Duration.ofMinutes(1)) < 0 || eventTimeToLive.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("eventTimeToLive must be between 1 minute and 1 day");
        }
    }

    /** A subscription to IncomingCall alone. */
    public EventGridSubscription(String name, String endpoint, List<String> toRawIds, List<String> toRawIdPrefixes,
                                 Schema schema, int maxDeliveryAttempts, Duration eventTimeToLive) {
        this(name, endpoint, toRawIds, toRawIdPrefixes, schema, maxDeliveryAttempts, eventTimeToLive,
                EventGridEventType.DEFAULT);
    }

    /** An Event Grid schema subscription to IncomingCall with the default retry policy. */
    public EventGridSubscription(String name, String endpoint, List<String> toRawIds, List<String> toRawIdPrefixes) {
        this(name, endpoint, toRawIds, toRawIdPrefixes, Schema.EVENT_GRID, DEFAULT_MAX_ATTEMPTS,
                DEFAULT_TIME_TO_LIVE);
    }

    /**
     * Whether an event of this type, about a call to {@code to} (null: an event with no {@code data.to}, such as
     * RecordingFileStatusUpdated), passes this subscription's filters. As in Event Grid, an advanced filter on
     * {@code data.to.rawId} does not pass an event that has no such key.
     */
    public boolean receives(EventGridEventType type, Identifier to) {
        if (!includedEventTypes.contains(type)) {
            return false;
        }
        if (toRawIds.isEmpty() && toRawIdPrefixes.isEmpty()) {
            return true;
        }
        return to != null && matches(to);
    }

    /** Whether {@code data.to.rawId} passes the advanced filters (no filters: every recipient). */
    private boolean matches(Identifier to) {
        if (toRawIds.isEmpty() && toRawIdPrefixes.isEmpty()) {
            return true;
        }
        if (toRawIds.contains(to.rawId())) {
            return true;
        }
        for (String prefix : toRawIdPrefixes) {
            if (to.rawId().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
