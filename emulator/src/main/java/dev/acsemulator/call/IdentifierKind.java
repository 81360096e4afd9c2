package dev.acsemulator.call;

/** The kinds of communication identifier, as named on the wire (common.json {@code CommunicationIdentifierModelKind}). */
public enum IdentifierKind {
    UNKNOWN("unknown"),
    COMMUNICATION_USER("communicationUser"),
    PHONE_NUMBER("phoneNumber"),
    MICROSOFT_TEAMS_USER("microsoftTeamsUser"),
    MICROSOFT_TEAMS_APP("microsoftTeamsApp");

    private final String wireName;

    IdentifierKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static IdentifierKind fromWireName(String name) {
        for (IdentifierKind kind : values()) {
            if (kind.wireName.equalsIgnoreCase(name)) {
                return kind;
            }
        }
        return UNKNOWN;
    }
}
