package dev.acsemulator.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * An {@link EventStream.Sink} on one connection: each send is one HTTP chunk. A reader that lets the outbound buffer
 * pass the channel's high water mark (Netty's default, 64 KiB) is dropped rather than buffered without bound, so a
 * slow page never holds memory or backpressures whoever publishes.
 */
final class ChannelStreamSink implements EventStream.Sink {

    private final Channel channel;

    ChannelStreamSink(Channel channel) {
        this.channel = channel;
    }

    @Override
    public boolean send(String text) {
        if (!channel.isActive()) {
            return false;
        }
        if (!channel.isWritable()) {
            channel.close();
            return false;
        }
        channel.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)));
        return true;
    }

    @Override
    public boolean writable() {
        return channel.isActive() && channel.isWritable();
    }

    @Override
    public void close() {
        channel.close();
    }

    @Override
    public void whenClosed(Runnable action) {
        channel.closeFuture().addListener(closed -> action.run());
    }

    @Override
    public void every(long periodMillis, Runnable action) {
        var task = channel.eventLoop().scheduleAtFixedRate(action, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        channel.closeFuture().addListener(closed -> task.cancel(false));
    }
}
