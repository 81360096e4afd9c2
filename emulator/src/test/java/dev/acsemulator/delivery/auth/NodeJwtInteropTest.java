package dev.acsemulator.delivery.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A webhook receiver written against Node's crypto accepts the token using only the published JWKS. */
class NodeJwtInteropTest {

    private static final String VERIFIER = """
            const crypto = require('crypto');
            const [token, jwksJson] = process.argv.slice(1);
            const [header, claims, signature] = token.split('.');
            const kid = JSON.parse(Buffer.from(header, 'base64url')).kid;
            const jwk = JSON.parse(jwksJson).keys.find(k => k.kid === kid);
            const key = crypto.createPublicKey({ key: jwk, format: 'jwk' });
            const valid = crypto.verify('sha256', Buffer.from(header + '.' + claims), key, Buffer.from(signature, 'base64url'));
            const body = JSON.parse(Buffer.from(claims, 'base64url'));
            console.log(JSON.stringify({ valid, aud: body.aud, iss: body.iss, lifetime: body.exp - body.iat }));
            """;

    @TempDir
    Path dataDir;

    @Test
    void nodeVerifiesTheTokenWithTheKeyFoundByKidInTheJwks() throws Exception {
        Assumptions.assumeTrue(nodeAvailable(), "node is not on PATH");
        CallbackSigningKey key = CallbackSigningKey.loadOrCreate(dataDir);
        String token = new CallbackTokenSigner(key, CallbackTokenSigner.DEFAULT_ISSUER, Clock.systemUTC())
                .sign("0f4c8e43-6a2b-4f44-9b1c-54f0c1e3a9d2");

        String output = node(List.of("node", "-e", VERIFIER, token, OpenIdDocuments.jwksJson(key)));

        assertThat(output.strip()).isEqualTo("{\"valid\":true,\"aud\":\"0f4c8e43-6a2b-4f44-9b1c-54f0c1e3a9d2\","
                + "\"iss\":\"https://acscallautomation.communication.azure.com\",\"lifetime\":300}");
    }

    private static boolean nodeAvailable() {
        try {
            node(List.of("node", "--version"));
            return true;
        } catch (IOException | InterruptedException | IllegalStateException unavailable) {
            return false;
        }
    }

    private static String node(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("node failed: " + output);
        }
        return output;
    }
}
