package dev.acsemulator.logging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Takes lines from the event loops and writes them on one daemon thread, so no event loop ever waits for a stream
 * (slf4j-simple prints to {@code System.err} synchronously, and so do most console appenders). Handing a line over
 * is lock-free and never blocks: when {@code capacity} lines are already waiting the line is dropped and counted, and
 * the writing thread reports how many were lost once it catches up.
 */
public final class LogQueue implements LineWriter, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LogQueue.class);

    private final ConcurrentLinkedQueue<LogLine> lines = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final LongAdder dropped = new LongAdder();
    private final int capacity;
    private final Thread writer;
    private volatile boolean writerAsleep;
    private volatile boolean closed;

    public LogQueue(int capacity) {
        this.capacity = capacity;
        this.writer = new Thread(this::writeUntilClosed, "acs-emulator-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void write(LogLine line) {
        if (closed) {
            dropped.increment();
            return;
        }
        if (waiting.incrementAndGet() > capacity) {
            waiting.decrementAndGet();
            dropped.increment();
            return;
        }
        lines.offer(line);
        if (writerAsleep) {
            LockSupport.unpark(writer);
        }
    }

    /** Lines dropped so far because the queue was full (or closed). */
    public long dropped() {
        return dropped.sum();
    }

    /** Writes what is still waiting, then stops the writing thread (waiting at most two seconds for it). */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(writer);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeUntilClosed() {
        long reported = 0;
        while (true) {
            LogLine line = lines.poll();
            if (line != null) {
                waiting.decrementAndGet();
                writeSafely(line);
                continue;
            }
            long lost = dropped.sum();
            if (lost != reported) {
                LOG.warn("{} log lines were dropped because the log queue ({} lines) was full", lost - reported,
                        capacity);
                reported = lost;
            }
            if (closed) {
                return;
            }
            writerAsleep = true;
            if (lines.isEmpty() && !closed) {
                LockSupport.park(this);
            }
            writerAsleep = false;
        }
    }

    private static void writeSafely(LogLine line) {
        try {
            line.writeNow();
        } catch (RuntimeException e) {
            LOG.error("A log line could not be written: {}", line.format(), e);
        }
    }
}
