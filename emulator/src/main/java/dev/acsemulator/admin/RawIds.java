package dev.acsemulator.admin;

import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.api.IdentifierRules;
import dev.acsemulator.call.Identifier;

/**
 * Raw ids in control API requests, in paths ({@code /admin/calls/{serverCallId}/participants/{rawId}/...},
 * {@code /admin/identities/{rawId}}) and bodies alike, held to the bounds the Call Automation API holds them to
 * (openapi/DEVIATIONS.md 40): one that names no identity is refused with 400 {@code BadRequest} in the control API's
 * error format before anything is looked up, so a malformed or oversized id never reaches a call.
 */
final class RawIds {

    private RawIds() {
    }

    /** The identity {@code rawId} names, or 400 naming {@code field} (a body field or a path variable). */
    static Identifier identity(String rawId, String field) {
        Identifier identifier = Identifier.fromRawId(rawId);
        String problem = IdentifierRules.problem(identifier);
        if (problem != null) {
            throw ApiErrors.adminBadRequest("'" + field + "' is not a valid raw id: " + problem + ".");
        }
        return identifier;
    }
}
