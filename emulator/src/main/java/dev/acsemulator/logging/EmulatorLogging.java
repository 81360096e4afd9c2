package dev.acsemulator.logging;

import org.slf4j.LoggerFactory;

/**
 * One emulator's logging: its level ({@code --log-level}), the queue that takes its lines off the event loops, and
 * the access and delivery logs, on the loggers {@value AccessLog#LOGGER_NAME} and {@value DeliveryLog#LOGGER_NAME}
 * so an embedding application's logging framework can route or silence them by name.
 */
public final class EmulatorLogging implements AutoCloseable {

    /** Lines that may wait for the writer before new ones are dropped (about 2 MB of pending lines at most). */
    static final int QUEUE_CAPACITY = 8192;

    private final LogLevel level;
    private final LogQueue queue;
    private final AccessLog access;
    private final DeliveryLog deliveries;

    public EmulatorLogging(LogLevel level) {
        this.level = level;
        this.queue = level == LogLevel.OFF ? null : new LogQueue(QUEUE_CAPACITY);
        LineWriter writer = queue == null ? line -> { } : queue;
        this.access = new AccessLog(new GatedLogger(LoggerFactory.getLogger(AccessLog.LOGGER_NAME), level, writer),
                System::nanoTime);
        this.deliveries = new DeliveryLog(new GatedLogger(LoggerFactory.getLogger(DeliveryLog.LOGGER_NAME), level,
                writer), System::nanoTime);
    }

    public LogLevel level() {
        return level;
    }

    public AccessLog access() {
        return access;
    }

    public DeliveryLog deliveries() {
        return deliveries;
    }

    /** Lines lost because the queue was full. */
    public long dropped() {
        return queue == null ? 0 : queue.dropped();
    }

    /** Writes the lines still waiting and stops the writer thread. */
    @Override
    public void close() {
        if (queue != null) {
            queue.close();
        }
    }
}
