package dev.acsemulator.events;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The system events of the emulated Communication Services resource that an Event Grid subscription can include
 * ({@code includedEventTypes}, as Event Grid's own filter names them; call-automation-behaviour.md §5.2). A type the
 * emulator publishes is listed here; a subscription naming any other is refused.
 *
 * <p>To publish a new type: add its constant, build its {@code data} as an {@link EventGridEvent} in
 * {@link EventGridEventWriter}, and hand it to the Event Grid publisher for each subscription that
 * {@code SystemTopic.subscribersOf} returns for the type.
 */
public enum EventGridEventType {

    /** A call to an identity an application owns is ringing (side-channels.md §D1). */
    INCOMING_CALL("Microsoft.Communication.IncomingCall"),
    /** A call recording's files are ready to download (side-channels.md C1). */
    RECORDING_FILE_STATUS_UPDATED("Microsoft.Communication.RecordingFileStatusUpdated");

    /** What a subscription receives when it names no types: IncomingCall only. */
    public static final Set<EventGridEventType> DEFAULT = EnumSet.of(INCOMING_CALL);

    private final String wireName;

    EventGridEventType(String wireName) {
        this.wireName = wireName;
    }

    /** The {@code eventType} (Event Grid schema) or {@code type} (CloudEvents) on the wire. */
    public String wireName() {
        return wireName;
    }

    /** The name without its {@code Microsoft.Communication.} prefix, as the delivery journal shows it. */
    public String shortName() {
        return wireName.substring(wireName.lastIndexOf('.') + 1);
    }

    /** The types named, each matched without regard to case as Event Grid does; unknown names are refused together. */
    public static Set<EventGridEventType> fromWireNames(List<String> names) {
        Set<EventGridEventType> types = EnumSet.noneOf(EventGridEventType.class);
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            EventGridEventType type = fromWireName(name);
            if (type == null) {
                unknown.add(name);
            } else {
                types.add(type);
            }
        }
        if (!unknown.isEmpty()) {
            List<String> known = new ArrayList<>();
            for (EventGridEventType type : values()) {
                known.add(type.wireName);
            }
            throw new IllegalArgumentException("'includedEventTypes' names event types this resource does not "
                    + "publish: " + String.join(", ", unknown) + " (it publishes " + String.join(", ", known) + ")");
        }
        return types;
    }

    private static EventGridEventType fromWireName(String name) {
        for (EventGridEventType type : values()) {
            if (type.wireName.equalsIgnoreCase(name)) {
                return type;
            }
        }
        return null;
    }
}
