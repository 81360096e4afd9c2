package dev.acsemulator.call.streaming;

import java.net.URI;
import java.util.Objects;

/**
 * The {@code mediaStreamingOptions} an application gave when it created, answered or connected a call: where the
 * service connects (the application's WebSocket server) and what it sends there.
 *
 * @param startMediaStreaming start as soon as the call is connected, without StartMediaStreaming
 * @param enableBidirectional the application may send audio back on the socket, which is played into the call
 * @param enableDtmfTones     keys people press are also sent as DtmfData frames
 */
public record MediaStreamingOptions(URI transportUrl, AudioChannelType audioChannelType, StreamAudioFormat audioFormat,
                                    boolean startMediaStreaming, boolean enableBidirectional,
                                    boolean enableDtmfTones) {
    public MediaStreamingOptions {
        Objects.requireNonNull(transportUrl, "transportUrl");
        Objects.requireNonNull(audioChannelType, "audioChannelType");
        Objects.requireNonNull(audioFormat, "audioFormat");
    }
}
