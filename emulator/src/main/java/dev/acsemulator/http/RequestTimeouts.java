package dev.acsemulator.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Header, body and idle timeouts of one connection (slow-header, slow-body and idle connections must not stay open for
 * ever). Two handlers share this state: {@link #bytes()} sits before the HTTP codec and sees a request begin with its
 * first byte; {@link #messages()} sits after it and sees its headers and the end of its body decoded, and the
 * answers written. A client too slow with its headers or body gets a JSON 408 (when no earlier answer is still owed)
 * and the connection closes; a connection owing nothing and receiving nothing for the idle timeout is closed.
 * Transport timeouts, so they run on the connection's event loop in real time, not on the emulator's clock.
 *
 * <p>A request moves a connection through three deadlines (headers, body, idle), and scheduling and cancelling a
 * timer for each would cost three of each per request. Instead one check per connection is always scheduled at most
 * the shortest of the three timeouts ahead: a new deadline is therefore never earlier than the pending check, so
 * moving it costs two field writes, and the check, when it runs, acts on the deadline due or schedules itself again
 * for what is left.
 */
final class RequestTimeouts {

    /** Where the connection is in its current request. */
    private enum Phase { BETWEEN_REQUESTS, HEADERS, BODY }

    /** Which deadline the connection is held to now. */
    private enum Watch { NOTHING, HEADERS, BODY, IDLE }

    private final HttpLimits limits;
    private final RequestHandler.EdgeErrors edgeErrors;
    private Phase phase = Phase.BETWEEN_REQUESTS;
    /** Requests whose headers were read and whose answers have not been written yet. */
    private int answersOwed;
    private Watch watching = Watch.NOTHING;
    private long deadlineNanos;
    /** The one pending check, never later than the deadline; null once the connection closed or streams. */
    private ScheduledFuture<?> check;
    /** The shortest of the three timeouts: how far ahead the check is ever scheduled. */
    private final long stepNanos;
    private ChannelHandlerContext context;
    /** The context after the codec: a 408 written there is encoded as HTTP. */
    private ChannelHandlerContext afterCodec;
    /** An answer whose body is a stream (Server-Sent Events) is being written: the connection is not idle. */
    private boolean streaming;

    RequestTimeouts(HttpLimits limits, RequestHandler.EdgeErrors edgeErrors) {
        this.limits = limits;
        this.edgeErrors = edgeErrors;
        this.stepNanos = Math.min(limits.headerTimeout().toNanos(),
                Math.min(limits.bodyTimeout().toNanos(), limits.idleTimeout().toNanos()));
    }

    /** The handler before the codec: a byte arriving between requests starts the header timeout. */
    ChannelInboundHandlerAdapter bytes() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelActive(ChannelHandlerContext ctx) {
                context = ctx;
                armIdle();
                ctx.fireChannelActive();
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (phase == Phase.BETWEEN_REQUESTS && msg instanceof ByteBuf bytes && bytes.isReadable()) {
                    enter(Phase.HEADERS, limits.headerTimeout());
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                stop();
                ctx.fireChannelInactive();
            }
        };
    }

    /** The handler after the codec: headers decoded start the body timeout; the body's end stops it. */
    ChannelDuplexHandler messages() {
        return new ChannelDuplexHandler() {
            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                afterCodec = ctx;
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof HttpRequest) {
                    answersOwed++;
                    enter(Phase.BODY, limits.bodyTimeout());
                }
                if (msg instanceof LastHttpContent) {
                    phase = Phase.BETWEEN_REQUESTS;
                    watching = Watch.NOTHING;
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                if (msg instanceof HttpResponse response && !(msg instanceof FullHttpResponse)
                        && response.status().code() >= 200) {
                    streaming = true;
                    stop();
                }
                if (msg instanceof HttpResponse response && response.status().code() >= 200 && answersOwed > 0) {
                    answersOwed--;
                    if (answersOwed == 0 && phase == Phase.BETWEEN_REQUESTS && !streaming) {
                        armIdle();
                    }
                }
                ctx.write(msg, promise);
            }
        };
    }

    private void enter(Phase next, Duration timeout) {
        phase = next;
        watch(next == Phase.HEADERS ? Watch.HEADERS : Watch.BODY, timeout);
    }

    private void armIdle() {
        watch(Watch.IDLE, limits.idleTimeout());
    }

    /** Holds the connection to {@code kind}'s deadline, {@code timeout} from now. */
    private void watch(Watch kind, Duration timeout) {
        watching = kind;
        deadlineNanos = System.nanoTime() + timeout.toNanos();
        if (check == null && !streaming) {
            scheduleCheck(stepNanos);
        }
    }

    private void scheduleCheck(long inNanos) {
        check = context.executor().schedule(this::checkDeadline, inNanos, TimeUnit.NANOSECONDS);
    }

    /** Acts on the deadline when it is due, else looks again when it will be (at most one step ahead). */
    private void checkDeadline() {
        check = null;
        if (streaming || !context.channel().isActive()) {
            return;
        }
        long left = deadlineNanos - System.nanoTime();
        if (watching != Watch.NOTHING && left <= 0) {
            Watch due = watching;
            watching = Watch.NOTHING;
            if (due == Watch.IDLE) {
                idle();
            } else {
                tooSlow(due == Watch.HEADERS ? Phase.HEADERS : Phase.BODY);
            }
        }
        if (context.channel().isActive()) {
            scheduleCheck(watching == Watch.NOTHING ? stepNanos : Math.min(Math.max(left, 1), stepNanos));
        }
    }

    private void tooSlow(Phase phase) {
        int owedBeforeThisRequest = phase == Phase.BODY ? answersOwed - 1 : answersOwed;
        if (owedBeforeThisRequest != 0) {
            // An earlier answer is still owed (a 408 now would overtake it), or this request was answered already.
            context.close();
            return;
        }
        String what = phase == Phase.HEADERS ? "headers" : "body";
        Duration limit = phase == Phase.HEADERS ? limits.headerTimeout() : limits.bodyTimeout();
        afterCodec.writeAndFlush(EdgeRefusals.toNetty(edgeErrors.requestTimeout(what, limit)))
                .addListener(ChannelFutureListener.CLOSE);
    }

    private void idle() {
        if (phase == Phase.BETWEEN_REQUESTS && answersOwed == 0 && !streaming) {
            context.close();
        }
    }

    /** No more deadlines: the connection closed, or its answer is a stream that may stay open. */
    private void stop() {
        watching = Watch.NOTHING;
        if (check != null) {
            check.cancel(false);
            check = null;
        }
    }
}
