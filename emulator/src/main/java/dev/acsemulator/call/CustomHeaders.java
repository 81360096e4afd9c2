package dev.acsemulator.call;

import java.util.Map;

/** {@code customCallingContext}: SIP and VoIP headers carried to the target's IncomingCall. */
public record CustomHeaders(Map<String, String> sipHeaders, Map<String, String> voipHeaders) {

    public static final CustomHeaders NONE = new CustomHeaders(Map.of(), Map.of());

    public CustomHeaders {
        sipHeaders = sipHeaders == null ? Map.of() : Map.copyOf(sipHeaders);
        voipHeaders = voipHeaders == null ? Map.of() : Map.copyOf(voipHeaders);
    }
}
