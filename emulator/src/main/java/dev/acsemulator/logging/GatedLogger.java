package dev.acsemulator.logging;

import org.slf4j.Logger;

/**
 * A named SLF4J logger behind the emulator's own level: a line is let through when both {@code --log-level} and the
 * logging framework enable its level. Callers ask {@link #enabled} before building a line, so a disabled line costs
 * two comparisons and nothing else.
 */
public final class GatedLogger {

    private final Logger logger;
    private final LogLevel configured;
    private final LineWriter writer;

    public GatedLogger(Logger logger, LogLevel configured, LineWriter writer) {
        this.logger = logger;
        this.configured = configured;
        this.writer = writer;
    }

    public boolean enabled(LogLevel level) {
        if (!configured.enables(level)) {
            return false;
        }
        return switch (level) {
            case ERROR -> logger.isErrorEnabled();
            case WARN -> logger.isWarnEnabled();
            case INFO -> logger.isInfoEnabled();
            case DEBUG -> logger.isDebugEnabled();
            case TRACE -> logger.isTraceEnabled();
            case OFF -> false;
        };
    }

    /** Hands the line to the writer; call only when {@link #enabled} said yes. */
    public void write(LogLevel level, String format, Object... arguments) {
        writer.write(new LogLine(logger, level, format, arguments));
    }
}
