package dev.acsemulator.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultHttpContent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * An {@link EventStream.Sink} on one connection that writes in batches: the first send of a batch schedules one flush
 * on the connection's event loop, and every send until that flush runs joins the batch, so what is published in one
 * turn of the loops (the items one request causes) goes out as one HTTP chunk in one write to the socket rather than
 * one each. A batch keeps the order of its sends, and batches are written in the order they were begun.
 * <p>
 * A reader whose connection's outbound buffer and queued batch together would pass the channel's high water mark
 * (Netty's default, 64 KiB) is dropped rather than buffered without bound, so a slow page never holds memory or
 * backpressures whoever publishes. On the loop itself (a new subscriber's first frames) a batch that reaches the mark
 * is handed to the socket at once instead, and the reader is dropped only if the socket does not take it.
 */
final class ChannelStreamSink implements EventStream.Sink {

    private final Channel channel;
    /** Guards {@link #batch}, {@link #batchBytes} and {@link #closing}; held only to add to or take the batch. */
    private final Object lock = new Object();
    /** The frames queued since the last flush, oldest first; null while none is (and no flush is scheduled). */
    private List<byte[]> batch;
    private int batchBytes;
    private boolean closing;

    ChannelStreamSink(Channel channel) {
        this.channel = channel;
    }

    @Override
    public boolean send(byte[] utf8) {
        if (!channel.isActive()) {
            return false;
        }
        if (!channel.isWritable()) {
            drop();
            return false;
        }
        if (wouldPassHighWaterMark(utf8.length)) {
            if (!channel.eventLoop().inEventLoop()) {
                drop();
                return false;
            }
            flush();
            if (!channel.isWritable()) {
                drop();
                return false;
            }
        }
        boolean firstOfBatch;
        synchronized (lock) {
            if (closing) {
                return false;
            }
            firstOfBatch = batch == null;
            if (firstOfBatch) {
                batch = new ArrayList<>(8);
            }
            batch.add(utf8);
            batchBytes += utf8.length;
        }
        return !firstOfBatch || scheduleFlush();
    }

    private boolean wouldPassHighWaterMark(int length) {
        synchronized (lock) {
            return batchBytes + (long) length > channel.bytesBeforeUnwritable();
        }
    }

    private boolean scheduleFlush() {
        try {
            channel.eventLoop().execute(this::flush);
            return true;
        } catch (RejectedExecutionException shuttingDown) {
            drop();
            return false;
        }
    }

    /** On the loop: writes the queued batch as one chunk. */
    private void flush() {
        List<byte[]> frames;
        int bytes;
        synchronized (lock) {
            frames = batch;
            bytes = batchBytes;
            batch = null;
            batchBytes = 0;
        }
        if (frames == null || !channel.isActive()) {
            return;
        }
        ByteBuf chunk = channel.alloc().buffer(bytes);
        for (byte[] frame : frames) {
            chunk.writeBytes(frame);
        }
        channel.writeAndFlush(new DefaultHttpContent(chunk));
    }

    /** Lets go of a reader that stopped reading: what it has not been sent yet is thrown away. */
    private void drop() {
        synchronized (lock) {
            batch = null;
            batchBytes = 0;
            closing = true;
        }
        channel.close();
    }

    @Override
    public boolean writable() {
        synchronized (lock) {
            return !closing && channel.isActive() && batchBytes < channel.bytesBeforeUnwritable();
        }
    }

    /** Writes what is queued, then closes the connection. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closing) {
                return;
            }
            closing = true;
        }
        EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop()) {
            flushAndClose();
        } else {
            try {
                loop.execute(this::flushAndClose);
            } catch (RejectedExecutionException shuttingDown) {
                channel.close();
            }
        }
    }

    private void flushAndClose() {
        flush();
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
