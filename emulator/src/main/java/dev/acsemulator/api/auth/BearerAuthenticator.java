package dev.acsemulator.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.http.HttpRequestMessage;

import java.io.IOException;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;

/**
 * Entra ID bearer tokens, validated as far as an emulator can without Entra: a well-formed JWT signed with one of
 * the asymmetric algorithms Entra uses (never {@code alg: none}, never unsigned), issued by Entra ID, not expired, not
 * before its {@code nbf}, for the ACS audience. The signature's bytes are not verified (openapi/DEVIATIONS.md 3).
 */
public final class BearerAuthenticator implements Authenticator {

    /** The algorithms of Entra ID's signing keys (RSA; EC and PSS for completeness). */
    private static final Set<String> SIGNING_ALGORITHMS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384",
            "PS512", "ES256", "ES384", "ES512");
    /** Entra ID's issuers, v1 and v2, public and sovereign clouds: the authority and the tenant id. */
    private static final java.util.regex.Pattern ENTRA_ISSUER = java.util.regex.Pattern.compile(
            "https://(sts\\.windows\\.net|login\\.microsoftonline\\.(com|us)|sts\\.chinacloudapi\\.cn"
                    + "|login\\.(partner\\.microsoftonline|chinacloudapi)\\.cn)/[0-9a-fA-F-]{36}/(v2\\.0)?");

    private final Set<String> audiences;
    private final Clock clock;
    private final ObjectMapper mapper;

    public BearerAuthenticator(Set<String> audiences, Clock clock, ObjectMapper mapper) {
        this.audiences = audiences;
        this.clock = clock;
        this.mapper = mapper;
    }

    @Override
    public String authenticate(HttpRequestMessage request) {
        String authorization = request.header("authorization");
        String token = authorization.substring("Bearer ".length()).trim();
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw ApiErrors.unauthorized("The bearer token is not a JWT.");
        }
        JsonNode header = decode(parts[0]);
        JsonNode claims = decode(parts[1]);
        if (!header.path("alg").isTextual()) {
            throw ApiErrors.unauthorized("The bearer token has no alg.");
        }
        if (!SIGNING_ALGORITHMS.contains(header.path("alg").asText())) {
            throw ApiErrors.unauthorized("The bearer token is not signed with an algorithm Entra ID uses.");
        }
        if (!signed(parts[2])) {
            throw ApiErrors.unauthorized("The bearer token has no signature.");
        }
        long now = clock.instant().getEpochSecond();
        if (!claims.path("exp").canConvertToLong() || claims.path("exp").asLong() <= now) {
            throw ApiErrors.unauthorized("The bearer token is expired.");
        }
        if (claims.has("nbf") && claims.path("nbf").asLong() > now + 300) {
            throw ApiErrors.unauthorized("The bearer token is not valid yet.");
        }
        if (!audienceMatches(claims.get("aud"))) {
            throw ApiErrors.unauthorized("The bearer token's audience is not " + audiences + ".");
        }
        if (!ENTRA_ISSUER.matcher(claims.path("iss").asText("")).matches()) {
            throw ApiErrors.unauthorized("The bearer token was not issued by Entra ID.");
        }
        return "bearer:" + claims.path("oid").asText(claims.path("sub").asText("unknown"));
    }

    private static boolean signed(String signature) {
        try {
            return !signature.isEmpty() && Base64.getUrlDecoder().decode(signature).length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private boolean audienceMatches(JsonNode audience) {
        if (audience == null) {
            return false;
        }
        if (audience.isArray()) {
            for (JsonNode value : audience) {
                if (audiences.contains(stripSlash(value.asText()))) {
                    return true;
                }
            }
            return false;
        }
        return audiences.contains(stripSlash(audience.asText()));
    }

    private static String stripSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private JsonNode decode(String part) {
        try {
            JsonNode node = mapper.readTree(Base64.getUrlDecoder().decode(part));
            if (node == null || !node.isObject()) {
                throw ApiErrors.unauthorized("The bearer token is not a JWT.");
            }
            return node;
        } catch (IllegalArgumentException | IOException e) {
            throw ApiErrors.unauthorized("The bearer token is not a JWT.");
        }
    }
}
