package dev.acsemulator.logging;

import org.slf4j.Logger;

/**
 * One line on its way to SLF4J: the logger, the level, the parameterized format and its arguments. The arguments are
 * rendered ({@code toString}) only when the line is written, so work such as formatting a duration or reading an id
 * out of a response body happens on the writing thread, never on the event loop that produced the line.
 */
public record LogLine(Logger logger, LogLevel level, String format, Object... arguments) {

    /** Hands the line to the logging framework, on the calling thread. */
    public void writeNow() {
        switch (level) {
            case ERROR -> logger.error(format, arguments);
            case WARN -> logger.warn(format, arguments);
            case INFO -> logger.info(format, arguments);
            case DEBUG -> logger.debug(format, arguments);
            case TRACE -> logger.trace(format, arguments);
            case OFF -> { }
        }
    }
}
