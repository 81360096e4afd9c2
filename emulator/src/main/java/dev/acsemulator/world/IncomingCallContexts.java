package dev.acsemulator.world;

import dev.acsemulator.runtime.IdSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * Makes {@code incomingCallContext} values shaped like the service's (call-automation-behaviour.md §5.2): an unsigned
 * JWT, header {@code {"alg":"none","typ":"JWT"}}, payload {@code {"cc":"<base64 gzip>","shrToken":"..."}}, empty
 * signature. The emulator treats the whole string as an opaque key; the payload only has to look right.
 */
public final class IncomingCallContexts {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = URL.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}"
            .getBytes(StandardCharsets.UTF_8));

    /** A new context for one ringing of an invitation, drawn from the call's own id source. */
    public String next(String serverCallId, String invitationId, IdSource ids) {
        String conversation = "{\"serverCallId\":\"" + serverCallId + "\",\"invitationId\":\"" + invitationId
                + "\",\"nonce\":\"" + ids.guid() + "\"}";
        String payload = "{\"cc\":\"" + Base64.getEncoder().encodeToString(gzip(conversation))
                + "\",\"shrToken\":\"" + ids.guid() + "\"}";
        return HEADER + "." + URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
