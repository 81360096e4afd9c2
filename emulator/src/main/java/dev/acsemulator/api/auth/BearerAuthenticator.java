package dev.acsemulator.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.http.HttpRequestMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;

/**
 * Entra ID bearer tokens, validated as far as an emulator can without Entra: a well-formed JWT signed with one of
 * the asymmetric algorithms Entra uses (never {@code alg: none}, never unsigned), issued by Entra ID, not expired, not
 * before its {@code nbf}, for the ACS audience. The signature is checked by {@link BearerSignatures}: verified
 * against the keys of {@code --bearer-jwks} when it is set, otherwise not at all (openapi/DEVIATIONS.md 3).
 */
public final class BearerAuthenticator implements Authenticator {

    /** Entra ID's issuers, v1 and v2, public and sovereign clouds: the authority and the tenant id. */
    private static final java.util.regex.Pattern ENTRA_ISSUER = java.util.regex.Pattern.compile(
            "https://(sts\\.windows\\.net|login\\.microsoftonline\\.(com|us)|sts\\.chinacloudapi\\.cn"
                    + "|login\\.(partner\\.microsoftonline|chinacloudapi)\\.cn)/[0-9a-fA-F-]{36}/(v2\\.0)?");

    private final Set<String> audiences;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final BearerSignatures signatures;

    /** Signatures unverified (openapi/DEVIATIONS.md 3). */
    public BearerAuthenticator(Set<String> audiences, Clock clock, ObjectMapper mapper) {
        this(audiences, clock, mapper, BearerSignatures.UNVERIFIED);
    }

    public BearerAuthenticator(Set<String> audiences, Clock clock, ObjectMapper mapper,
                               BearerSignatures signatures) {
        this.audiences = audiences;
        this.clock = clock;
        this.mapper = mapper;
        this.signatures = signatures;
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
        JwsAlgorithm algorithm = JwsAlgorithm.named(header.path("alg").asText()).orElseThrow(() ->
                ApiErrors.unauthorized("The bearer token is not signed with an algorithm Entra ID uses."));
        byte[] signature = signature(parts[2]);
        if (signature.length == 0) {
            throw ApiErrors.unauthorized("The bearer token has no signature.");
        }
        signatures.check(header, algorithm, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
                signature);
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

    /** The signature's bytes; none when it is empty or not base64url. */
    private static byte[] signature(String encoded) {
        try {
            return Base64.getUrlDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return new byte[0];
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
