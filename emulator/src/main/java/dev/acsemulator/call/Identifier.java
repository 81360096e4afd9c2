package dev.acsemulator.call;

import java.util.Objects;

/**
 * A communication identity (ACS user, phone number, Teams user or app), identified by its raw id.
 *
 * <p>Raw id prefixes follow the official SDKs' {@code CommunicationIdentifier.fromRawId}: {@code 8:acs:}, {@code 8:spool:},
 * {@code 8:dod-acs:}, {@code 8:gcch-acs:} are ACS users; {@code 4:} is a phone number; {@code 8:orgid:}, {@code 8:dod:},
 * {@code 8:gcch:}, {@code 8:teamsvisitor:} are Teams users; {@code 28:orgid:}, {@code 28:dod:}, {@code 28:gcch:} are
 * Teams applications. Two identifiers are equal when their raw ids are.
 */
public record Identifier(IdentifierKind kind, String rawId, String cloud, boolean anonymous) {

    public Identifier {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rawId, "rawId");
        cloud = cloud == null ? "public" : cloud;
    }

    public static Identifier communicationUser(String id) {
        return new Identifier(IdentifierKind.COMMUNICATION_USER, id, null, false);
    }

    public static Identifier phoneNumber(String e164) {
        return new Identifier(IdentifierKind.PHONE_NUMBER, "4:" + e164, null, false);
    }

    /** Infers the kind from the raw id's prefix, as the SDKs do. */
    public static Identifier fromRawId(String rawId) {
        if (rawId.startsWith("4:")) {
            return new Identifier(IdentifierKind.PHONE_NUMBER, rawId, null, false);
        }
        if (startsWithAny(rawId, "8:acs:", "8:spool:", "8:dod-acs:", "8:gcch-acs:")) {
            return communicationUser(rawId);
        }
        if (rawId.startsWith("8:teamsvisitor:")) {
            return new Identifier(IdentifierKind.MICROSOFT_TEAMS_USER, rawId, "public", true);
        }
        if (rawId.startsWith("8:orgid:")) {
            return new Identifier(IdentifierKind.MICROSOFT_TEAMS_USER, rawId, "public", false);
        }
        if (rawId.startsWith("8:dod:") || rawId.startsWith("8:gcch:")) {
            return new Identifier(IdentifierKind.MICROSOFT_TEAMS_USER, rawId, cloudOf(rawId), false);
        }
        if (startsWithAny(rawId, "28:orgid:", "28:dod:", "28:gcch:")) {
            return new Identifier(IdentifierKind.MICROSOFT_TEAMS_APP, rawId, cloudOf(rawId), false);
        }
        return new Identifier(IdentifierKind.UNKNOWN, rawId, null, false);
    }

    /** The phone number value ({@code +14255550123}) of a phone identifier. */
    public String phoneNumber() {
        return rawId.startsWith("4:") ? rawId.substring(2) : rawId;
    }

    /** The id inside the raw id of a Teams user or app ({@code 8:orgid:<id>} → {@code <id>}). */
    public String teamsId() {
        int colon = rawId.indexOf(':', rawId.indexOf(':') + 1);
        return colon < 0 ? rawId : rawId.substring(colon + 1);
    }

    public boolean isPhoneNumber() {
        return kind == IdentifierKind.PHONE_NUMBER;
    }

    public boolean isCommunicationUser() {
        return kind == IdentifierKind.COMMUNICATION_USER;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Identifier that && rawId.equals(that.rawId);
    }

    @Override
    public int hashCode() {
        return rawId.hashCode();
    }

    @Override
    public String toString() {
        return rawId;
    }

    private static String cloudOf(String rawId) {
        if (rawId.contains(":dod:")) {
            return "dod";
        }
        return rawId.contains(":gcch:") ? "gcch" : "public";
    }

    private static boolean startsWithAny(String value, String... prefixes) {
        for (String prefix : prefixes) {
            if (value.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
