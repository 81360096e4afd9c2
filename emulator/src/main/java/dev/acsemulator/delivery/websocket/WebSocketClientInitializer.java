package dev.acsemulator.delivery.websocket;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The stream socket as a protocol stack: TLS? → HTTP client codec → aggregator → WebSocket client → the session. */
final class WebSocketClientInitializer extends ChannelInitializer<SocketChannel> {

    private static final int MAX_HANDSHAKE_RESPONSE_BYTES = 64 * 1024;

    private final URI uri;
    private final SslContext tls;
    private final String host;
    private final int port;
    private final Map<String, String> headers;
    private final Duration connectTimeout;
    private final WebSocketListener listener;
    private final CompletableFuture<WebSocketSession> opened;

    WebSocketClientInitializer(URI uri, SslContext tls, String host, int port, Map<String, String> headers,
                               Duration connectTimeout, WebSocketListener listener,
                               CompletableFuture<WebSocketSession> opened) {
        this.uri = uri;
        this.tls = tls;
        this.host = host;
        this.port = port;
        this.headers = headers;
        this.connectTimeout = connectTimeout;
        this.listener = listener;
        this.opened = opened;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        if (tls != null) {
            SslHandler ssl = tls.newHandler(channel.alloc(), host, port);
            ssl.setHandshakeTimeoutMillis(connectTimeout.toMillis());
            channel.pipeline().addLast(ssl);
        }
        HttpHeaders upgradeHeaders = new DefaultHttpHeaders();
        headers.forEach(upgradeHeaders::set);
        channel.pipeline().addLast(
                new HttpClientCodec(),
                new HttpObjectAggregator(MAX_HANDSHAKE_RESPONSE_BYTES),
                new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                        .webSocketUri(uri)
                        .version(WebSocketVersion.V13)
                        .customHeaders(upgradeHeaders)
                        .generateOriginHeader(false)
                        .handleCloseFrames(false)
                        .sendCloseFrame(null)
                        .dropPongFrames(true)
                        .maxFramePayloadLength(WebSocketClient.MAX_INBOUND_MESSAGE_BYTES)
                        .handshakeTimeoutMillis(Math.max(1, connectTimeout.toMillis()))
                        .build()),
                new WebSocketFrameAggregator(WebSocketClient.MAX_INBOUND_MESSAGE_BYTES),
                new StreamSocketHandler(uri, listener, opened));
    }
}
