package dev.acsemulator.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An SLF4J logger that keeps what it is given, enabled from {@code threshold} up, the way a framework would be. */
final class CapturingLogger extends LegacyAbstractLogger {

    /** One written line: its level, the formatted message and the thread that wrote it. */
    record Line(Level level, String message, String thread) { }

    private final Level threshold;
    private final List<Line> lines = new CopyOnWriteArrayList<>();

    CapturingLogger(String name, Level threshold) {
        this.name = name;
        this.threshold = threshold;
    }

    List<Line> lines() {
        return lines;
    }

    List<String> messages() {
        return lines.stream().map(Line::message).toList();
    }

    private boolean enabled(Level level) {
        return level.toInt() >= threshold.toInt();
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable throwable) {
        lines.add(new Line(level, MessageFormatter.basicArrayFormat(pattern, arguments),
                Thread.currentThread().getName()));
    }
}
