package dev.acsemulator.call;

/** {@code callRejectReason} of RejectCall. */
public enum RejectReason {
    NONE("none"), BUSY("busy"), FORBIDDEN("forbidden");

    private final String wireName;

    RejectReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static RejectReason fromWireName(String name) {
        for (RejectReason reason : values()) {
            if (reason.wireName.equalsIgnoreCase(name)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("Unknown callRejectReason " + name);
    }
}
