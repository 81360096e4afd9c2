package dev.acsemulator.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.api.ApiErrors;

/**
 * Verifies a bearer token's signature with the key of the configured JWKS ({@code --bearer-jwks}) whose {@code kid}
 * the token's header names: a token without a {@code kid}, with one the set lacks, with an algorithm the key does
 * not allow or with a signature the key did not make is refused (401). An unknown {@code kid} asks the source to
 * refresh, so a rotated key is known to later requests.
 */
public final class JwksSignatures implements BearerSignatures {

    private final JwksSource source;

    public JwksSignatures(JwksSource source) {
        this.source = source;
    }

    @Override
    public void check(JsonNode header, JwsAlgorithm algorithm, byte[] signingInput, byte[] signature) {
        if (!header.path("kid").isTextual()) {
            throw ApiErrors.unauthorized("The bearer token has no kid.");
        }
        String keyId = header.path("kid").asText();
        JsonWebKeySet.SigningKey key = source.keys().key(keyId).orElseThrow(() -> {
            source.refreshForUnknownKey();
            return ApiErrors.unauthorized("The bearer token's signing key is not in the configured JWKS.");
        });
        if (key.algorithm().isPresent() && !key.algorithm().get().equals(algorithm.name())
                || !algorithm.fits(key.key())) {
            throw ApiErrors.unauthorized("The bearer token's alg " + algorithm.name()
                    + " is not the algorithm of its signing key.");
        }
        if (!algorithm.verifies(key.key(), signingInput, signature)) {
            throw ApiErrors.unauthorized("The bearer token's signature does not verify.");
        }
    }
}
