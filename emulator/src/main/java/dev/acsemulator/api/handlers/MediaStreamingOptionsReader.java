package dev.acsemulator.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.call.CallActionException;
import dev.acsemulator.call.CallError;
import dev.acsemulator.call.streaming.AudioChannelType;
import dev.acsemulator.call.streaming.MediaStreamingOptions;
import dev.acsemulator.call.streaming.StreamAudioFormat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Reads the {@code mediaStreamingOptions} of CreateCall, AnswerCall and Connect (the spec's
 * WebSocketMediaStreamingOptions), or the previews' {@code mediaStreamingConfiguration} ({@link PreviewOptionNames}), before the call is touched, so a bad option refuses the request and changes
 * nothing: a transport other than {@code websocket} is 400/8523, a missing or non-{@code ws(s)://} transportUrl
 * 400/8581. Enum values are read ignoring case (the Java SDK sends {@code Pcm16KMono}, the spec says
 * {@code pcm16KMono}).
 */
final class MediaStreamingOptionsReader {

    private MediaStreamingOptionsReader() {
    }

    /** The options, or null when the request has none. */
    static MediaStreamingOptions read(JsonNode body) {
        PreviewOptionNames.NamedOptions named = PreviewOptionNames.pick(body, "mediaStreamingOptions",
                PreviewOptionNames.MEDIA_STREAMING, "transportUrl", "transportType", "contentType", "audioChannelType");
        if (named == null) {
            return null;
        }
        JsonNode options = named.options();
        String transportType = options.path("transportType").asText("");
        if (!transportType.equalsIgnoreCase("websocket")) {
            throw ApiErrors.invalidRequest(named.field("transportType") + " must be websocket.");
        }
        String contentType = options.path("contentType").asText("audio");
        if (!contentType.equalsIgnoreCase("audio")) {
            throw ApiErrors.invalidRequest(named.field("contentType") + " must be audio.");
        }
        AudioChannelType channels = switch (options.path("audioChannelType").asText("").toLowerCase(Locale.ROOT)) {
            case "mixed" -> AudioChannelType.MIXED;
            case "unmixed" -> AudioChannelType.UNMIXED;
            default -> throw ApiErrors.invalidRequest(named.field("audioChannelType")
                    + " must be mixed or unmixed.");
        };
        String formatName = options.path("audioFormat").asText(StreamAudioFormat.PCM_16K_MONO.wireName());
        StreamAudioFormat format = StreamAudioFormat.fromWireName(formatName).orElseThrow(() ->
                ApiErrors.invalidRequest(named.field("audioFormat")
                        + " must be pcm16KMono or pcm24KMono."));
        return new MediaStreamingOptions(transportUrl(named.field("transportUrl"), options.path("transportUrl").asText("")),
                channels, format,
                options.path("startMediaStreaming").asBoolean(false),
                options.path("enableBidirectional").asBoolean(false),
                options.path("enableDtmfTones").asBoolean(false));
    }

    private static URI transportUrl(String field, String text) {
        try {
            URI url = new URI(text);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("ws") || scheme.equals("wss")) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException invalid) {
            // refused below
        }
        throw new CallActionException(CallError.STREAM_URL_INVALID, field + " must be a ws:// or wss:// URL with a "
                + "host, not '" + text + "'.");
    }
}
