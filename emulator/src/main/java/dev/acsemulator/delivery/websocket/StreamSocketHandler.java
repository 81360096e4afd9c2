package dev.acsemulator.delivery.websocket;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One stream socket after its pipeline: completes the connect future when the handshake is done, hands the
 * application's messages to the listener, and is the {@link WebSocketSession} the stream sends through.
 */
final class StreamSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> implements WebSocketSession {

    /** How long a close waits for the application's close frame before the connection is dropped. */
    private static final long CLOSE_GRACE_MILLIS = 1000;

    private final URI uri;
    private final WebSocketListener listener;
    private final CompletableFuture<WebSocketSession> opened;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final AtomicLong dropped = new AtomicLong();
    private volatile Channel channel;
    private volatile boolean open;
    private boolean closeSent;
    private int closeCode = ABNORMAL_CLOSURE;
    private String closeReason = "";
    private Throwable failure;

    StreamSocketHandler(URI uri, WebSocketListener listener, CompletableFuture<WebSocketSession> opened) {
        this.uri = uri;
        this.listener = listener;
        this.opened = opened;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.channel = ctx.channel();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            open = true;
            if (!opened.complete(this)) {
                ctx.close();
            }
        } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            opened.completeExceptionally(new WebSocketConnectException("No WebSocket handshake with " + uri
                    + " within the connect timeout", null));
            ctx.close();
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame text) {
            listener.onText(text.text());
        } else if (frame instanceof BinaryWebSocketFrame binary) {
            listener.onBinary(ByteBufUtil.getBytes(binary.content()));
        } else if (frame instanceof CloseWebSocketFrame close) {
            closeCode = close.statusCode() < 0 ? 1005 : close.statusCode();
            closeReason = close.reasonText();
            open = false;
            if (closeSent) {
                ctx.close();
            } else {
                closeSent = true;
                ctx.writeAndFlush(new CloseWebSocketFrame(closeCode == 1005 ? NORMAL_CLOSURE : closeCode, ""))
                        .addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        failure = cause;
        if (!opened.isDone()) {
            opened.completeExceptionally(new WebSocketConnectException("WebSocket handshake with " + uri
                    + " failed", cause));
        }
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        open = false;
        if (!opened.isDone()) {
            opened.completeExceptionally(new WebSocketConnectException("Connection to " + uri
                    + " closed before the WebSocket handshake", failure));
        } else {
            Throwable error = closeCode == ABNORMAL_CLOSURE && failure == null
                    ? new IOException("connection closed without a close frame") : failure;
            listener.onClosed(closeCode, closeReason, closeCode == ABNORMAL_CLOSURE ? error : null);
        }
        closed.complete(null);
        super.channelInactive(ctx);
    }

    @Override
    public boolean sendText(String text) {
        Channel current = channel;
        if (!open || current == null) {
            return false;
        }
        if (!current.isWritable()) {
            dropped.incrementAndGet();
            return false;
        }
        current.writeAndFlush(new TextWebSocketFrame(text), current.voidPromise());
        return true;
    }

    @Override
    public void abort() {
        Channel current = channel;
        open = false;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public CompletableFuture<Void> close(int code, String reason) {
        Channel current = channel;
        if (current == null) {
            return CompletableFuture.completedFuture(null);
        }
        current.eventLoop().execute(() -> {
            if (!current.isActive()) {
                return;
            }
            if (closeSent) {
                current.close();
                return;
            }
            closeSent = true;
            open = false;
            closeCode = code;
            closeReason = reason;
            current.writeAndFlush(new CloseWebSocketFrame(code, reason));
            current.eventLoop().schedule(() -> {
                current.close();
            }, CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        });
        return closed;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public long framesDropped() {
        return dropped.get();
    }
}
