package dev.acsemulator.api;

import dev.acsemulator.call.Identifier;

import java.util.regex.Pattern;

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

    private static final Pattern ID_PART = Pattern.compile("[^\\s\\p{Cntrl}]+");
    private static final Pattern COMMUNICATION_USER = Pattern.compile("8:(acs|spool|dod-acs|gcch-acs):" + ID_PART);
    private static final Pattern PHONE_NUMBER = Pattern.compile("4:\\+[0-9]{2,15}");
    private static final Pattern TEAMS_USER = Pattern.compile("8:(orgid|dod|gcch|teamsvisitor):" + ID_PART);
    private static final Pattern TEAMS_APP = Pattern.compile("28:(orgid|dod|gcch):" + ID_PART);

    private IdentifierRules() {
    }

    /** Why {@code identifier} names no identity the service would accept, or null when it does. */
    public static String problem(Identifier identifier) {
        String rawId = identifier.rawId();
        if (rawId.length() > MAX_RAW_ID_CHARS) {
            return "the id is " + rawId.length() + " characters long; at most " + MAX_RAW_ID_CHARS + " are accepted";
        }
        Pattern rule = switch (identifier.kind()) {
            case COMMUNICATION_USER -> COMMUNICATION_USER;
            case PHONE_NUMBER -> PHONE_NUMBER;
            case MICROSOFT_TEAMS_USER -> TEAMS_USER;
            case MICROSOFT_TEAMS_APP -> TEAMS_APP;
            case UNKNOWN -> null;
        };
        if (rule == null) {
            return "the raw id has no known identifier prefix (8:acs:, 4:+, 8:orgid:, 28:orgid: ...)";
        }
        return rule.matcher(rawId).matches() ? null
                : "it is not a well-formed " + identifier.kind().wireName() + " id";
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
