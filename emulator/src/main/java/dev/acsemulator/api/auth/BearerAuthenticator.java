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
 * Entra ID bearer tokens, validated as far as an emulator can without Entra: a well-formed JWT, not expired, not
 * before its {@code nbf}, for the ACS audience. The signature is not verified (openapi/DEVIATIONS.md).
 */
public final class BearerAuthenticator implements Authenticator {

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
        return "bearer:" + claims.path("oid").asText(claims.path("sub").asText("unknown"));
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
