package dev.acsemulator.api;

import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.IdentifierKind;

import java.util.List;

/**
 * Which raw ids name an identity, per kind, following the official SDKs' {@code CommunicationIdentifier.fromRawId}
 * prefixes (call-automation-behaviour.md §1, identifiers): an ACS user is {@code 8:acs:}, {@code 8:spool:},
 * {@code 8:dod-acs:} or {@code 8:gcch-acs:} and an id; a phone number {@code 4:} and an E.164 number; a Teams user
 * {@code 8:orgid:}, {@code 8:dod:}, {@code 8:gcch:} or {@code 8:teamsvisitor:} and an id; a Teams application
 * {@code 28:orgid:}, {@code 28:dod:} or {@code 28:gcch:} and an id. Ids are at most 256 characters, without spaces or
 * control characters; anything else (such as {@code "::::"} or a bare {@code "8:acs:"}) is a 400.
 */
public final class IdentifierRules {

    /** The longest raw id accepted; an ACS user's is about 90 characters. */
    public static final int MAX_RAW_ID_CHARS = 256;

    private static final List<String> COMMUNICATION_USER = List.of("8:acs:", "8:spool:", "8:dod-acs:", "8:gcch-acs:");
    private static final String PHONE_NUMBER = "4:+";
    private static final int PHONE_DIGITS_MIN = 2;
    private static final int PHONE_DIGITS_MAX = 15;
    private static final List<String> TEAMS_USER = List.of("8:orgid:", "8:dod:", "8:gcch:", "8:teamsvisitor:");
    private static final List<String> TEAMS_APP = List.of("28:orgid:", "28:dod:", "28:gcch:");

    private IdentifierRules() {
    }

    /** Why {@code identifier} names no identity the service would accept, or null when it does. */
    public static String problem(Identifier identifier) {
        String rawId = identifier.rawId();
        if (rawId.length() > MAX_RAW_ID_CHARS) {
            return "the id is " + rawId.length() + " characters long; at most " + MAX_RAW_ID_CHARS + " are accepted";
        }
        if (identifier.kind() == IdentifierKind.UNKNOWN) {
            return "the raw id has no known identifier prefix (8:acs:, 4:+, 8:orgid:, 28:orgid: ...)";
        }
        boolean wellFormed = switch (identifier.kind()) {
            case COMMUNICATION_USER -> prefixAndId(rawId, COMMUNICATION_USER);
            case PHONE_NUMBER -> phoneNumber(rawId);
            case MICROSOFT_TEAMS_USER -> prefixAndId(rawId, TEAMS_USER);
            case MICROSOFT_TEAMS_APP -> prefixAndId(rawId, TEAMS_APP);
            case UNKNOWN -> false;
        };
        return wellFormed ? null : "it is not a well-formed " + identifier.kind().wireName() + " id";
    }

    /** One of the prefixes, then an id: at least one character, none of them a space or a control character. */
    private static boolean prefixAndId(String rawId, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (rawId.startsWith(prefix)) {
                return idFrom(rawId, prefix.length());
            }
        }
        return false;
    }

    private static boolean idFrom(String rawId, int start) {
        if (rawId.length() == start) {
            return false;
        }
        for (int i = start; i < rawId.length(); i++) {
            char c = rawId.charAt(i);
            if (c <= ' ' || c == '\u007f') { // ASCII whitespace and control characters
                return false;
            }
        }
        return true;
    }

    /** {@code 4:+} and two to fifteen digits (E.164). */
    private static boolean phoneNumber(String rawId) {
        int digits = rawId.length() - PHONE_NUMBER.length();
        if (!rawId.startsWith(PHONE_NUMBER) || digits < PHONE_DIGITS_MIN || digits > PHONE_DIGITS_MAX) {
            return false;
        }
        for (int i = PHONE_NUMBER.length(); i < rawId.length(); i++) {
            if (rawId.charAt(i) < '0' || rawId.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code identifier}, or a 400 naming {@code field} when it names no identity. */
    public static Identifier require(Identifier identifier, String field) {
        String problem = identifier == null ? null : problem(identifier);
        if (problem != null) {
            throw ApiErrors.invalidRequest("'" + field + "' is not a valid communication identifier: " + problem + ".");
        }
        return identifier;
    }
}
