package dev.acsemulator.delivery.websocket;

import dev.acsemulator.delivery.auth.CallbackTokenSigner;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers of the service's WebSocket upgrade request for a media or transcription stream: a fresh RS256 JWT
 * signed like the callbacks' (same key, issuer and audience, the ACS resource id) but valid 24 hours, and the call's
 * connection and correlation ids (Microsoft Learn, "Secure webhook endpoint" and the audio streaming quickstart).
 */
public final class StreamSocketHeaders {

    /** "The JWT has a lifetime of 24 hours. A new token is generated for each connection request." */
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(24);

    private final CallbackTokenSigner signer;
    private final String audience;

    public StreamSocketHeaders(CallbackTokenSigner signer, String audience) {
        this.signer = signer;
        this.audience = audience;
    }

    /** The headers of one connection request (each gets its own token). */
    public Map<String, String> forConnection(String callConnectionId, String correlationId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + signer.signFresh(audience, TOKEN_LIFETIME));
        headers.put("x-ms-call-connection-id", callConnectionId);
        headers.put("x-ms-call-correlation-id", correlationId);
        return headers;
    }
}
