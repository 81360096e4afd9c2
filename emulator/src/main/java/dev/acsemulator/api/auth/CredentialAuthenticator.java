package dev.acsemulator.api.auth;

import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.http.HttpRequestMessage;

/** Picks the scheme by the Authorization header: HMAC-SHA256 access keys or an Entra ID bearer token. */
public final class CredentialAuthenticator implements Authenticator {

    private final HmacAuthenticator hmac;
    private final BearerAuthenticator bearer;

    public CredentialAuthenticator(HmacAuthenticator hmac, BearerAuthenticator bearer) {
        this.hmac = hmac;
        this.bearer = bearer;
    }

    @Override
    public String authenticate(HttpRequestMessage request) {
        String authorization = request.header("authorization");
        if (authorization == null) {
            throw ApiErrors.unauthorized("The Authorization header is missing.");
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer.authenticate(request);
        }
        return hmac.authenticate(request);
    }
}
