package dev.acsemulator.api.auth;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a bearer token's signature is checked once its form is: not at all without {@code --bearer-jwks} (the emulator
 * has no Entra keys; openapi/DEVIATIONS.md 3), or against a configured key set ({@link JwksSignatures}). A refusal is
 * an {@link dev.acsemulator.api.ApiException} 401.
 */
public interface BearerSignatures {

    /** Signatures are not verified: the bytes are only required to be there. */
    BearerSignatures UNVERIFIED = (header, algorithm, signingInput, signature) -> { };

    /**
     * Checks the signature over {@code signingInput} (the token's {@code header.payload} as sent) made with the
     * algorithm the JOSE header names.
     */
    void check(JsonNode header, JwsAlgorithm algorithm, byte[] signingInput, byte[] signature);
}
