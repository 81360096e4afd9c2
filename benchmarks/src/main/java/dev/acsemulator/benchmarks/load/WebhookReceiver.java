package dev.acsemulator.benchmarks.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The application's webhook, as small as one can be: on the load generator's own event loop it takes each callback
 * POST to {@code /cb/CALL_INDEX}, finds the event type in the CloudEvents body, checks that a Bearer token came with
 * it, answers 200 and tells the listener, which timestamps it. Bodies are not parsed beyond the type.
 */
final class WebhookReceiver implements AutoCloseable {

    enum EventType { CALL_CONNECTED, PARTICIPANTS_UPDATED, CALL_DISCONNECTED, PLAY_COMPLETED, PLAY_FAILED,
        RECOGNIZE_COMPLETED, RECOGNIZE_FAILED, ADD_PARTICIPANT_SUCCEEDED, ADD_PARTICIPANT_FAILED,
        RECORDING_STATE_CHANGED, OTHER }

    /** Told of every callback, on the loop. */
    interface Listener {
        void event(long callIndex, EventType type, boolean hasBearerToken, long nowNanos);

        /** The size of the callback's body, told just before its {@link #event}. */
        default void bytes(long callIndex, int bodyBytes) {
        }
    }

    private static final byte[] TYPE_MARKER = "\"type\":\"Microsoft.Communication.".getBytes(StandardCharsets.US_ASCII);

    private final Channel channel;
    private volatile Listener listener = (index, type, bearer, now) -> { };
    private long received;

    WebhookReceiver(EventLoop loop) throws InterruptedException {
        this.channel = NettyBaselines.listen(loop, null, 0, new Handler());
    }

    int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    void listener(Listener listener) {
        this.listener = listener;
    }

    /** Callbacks received in all; read on the loop. */
    long received() {
        return received;
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }

    private static final byte[] RECOGNIZE_COMPLETED = "RecognizeCompleted\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RECOGNIZE_FAILED = "RecognizeFailed\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ADD_PARTICIPANT_SUCCEEDED = "AddParticipantSucceeded\""
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ADD_PARTICIPANT_FAILED = "AddParticipantFailed\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RECORDING_STATE_CHANGED = "RecordingStateChanged\"".getBytes(StandardCharsets.US_ASCII);

    private static boolean startsWith(ByteBuf body, int at, byte[] name) {
        if (body.readableBytes() < at + name.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (body.getByte(at + i) != name[i]) {
                return false;
            }
        }
        return true;
    }

    static EventType typeOf(ByteBuf body) {
        int at = ByteBufUtil.indexOf(Unpooled.wrappedBuffer(TYPE_MARKER), body);
        if (at < 0) {
            return EventType.OTHER;
        }
        int start = at + TYPE_MARKER.length;
        byte first = body.getByte(start);
        if (first == 'P' && body.readableBytes() > start + 5) {
            if (body.getByte(start + 1) == 'a') {
                return EventType.PARTICIPANTS_UPDATED;
            }
            byte fifth = body.getByte(start + 4); // Play[C]ompleted, Play[F]ailed
            if (fifth == 'C') {
                return EventType.PLAY_COMPLETED;
            }
            if (fifth == 'F') {
                return EventType.PLAY_FAILED;
            }
        }
        if (first == 'R' && startsWith(body, start, RECOGNIZE_COMPLETED)) {
            return EventType.RECOGNIZE_COMPLETED;
        }
        if (first == 'R' && startsWith(body, start, RECOGNIZE_FAILED)) {
            return EventType.RECOGNIZE_FAILED;
        }
        if (first == 'A' && startsWith(body, start, ADD_PARTICIPANT_SUCCEEDED)) {
            return EventType.ADD_PARTICIPANT_SUCCEEDED;
        }
        if (first == 'A' && startsWith(body, start, ADD_PARTICIPANT_FAILED)) {
            return EventType.ADD_PARTICIPANT_FAILED;
        }
        if (first == 'R' && startsWith(body, start, RECORDING_STATE_CHANGED)) {
            return EventType.RECORDING_STATE_CHANGED;
        }
        if (first == 'C' && body.readableBytes() > start + 5) {
            byte fifth = body.getByte(start + 4);
            if (fifth == 'C') {
                return EventType.CALL_CONNECTED;
            }
            if (fifth == 'D') {
                return EventType.CALL_DISCONNECTED;
            }
        }
        return EventType.OTHER;
    }

    @ChannelHandler.Sharable
    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final AsciiString bearer = AsciiString.of("Bearer ");

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            long now = System.nanoTime();
            received++;
            String uri = request.uri();
            long index = -1;
            int slash = uri.lastIndexOf('/');
            try {
                index = Long.parseLong(uri.substring(slash + 1));
            } catch (NumberFormatException ignored) {
                // not one of ours
            }
            String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
            boolean hasBearer = authorization != null && bearer.regionMatches(0, authorization, 0, 7);
            Listener told = listener;
            told.bytes(index, request.content().readableBytes());
            told.event(index, typeOf(request.content()), hasBearer, now);
            DefaultFullHttpResponse ok = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.EMPTY_BUFFER);
            ok.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            ctx.writeAndFlush(ok);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
