package dev.acsemulator.logging;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How much the emulator says ({@code --log-level}): each level lets through its own lines and those of the levels
 * above it; {@code OFF} lets nothing through. The names are SLF4J's, so a value means the same here as in the
 * logging framework that writes the lines.
 */
public enum LogLevel {
    /** Nothing. */
    OFF,
    /** Emulator faults only: a request that failed unexpectedly. */
    ERROR,
    /** Also what went wrong for the application: 5xx answers, dropped connections, failed or dropped callbacks. */
    WARN,
    /** Also one line per request and per callback or Event Grid delivery attempt (the default). */
    INFO,
    /** Also the emulator's diagnostic lines (connections closed on errors, internal decisions). */
    DEBUG,
    /** Everything, including the libraries' own tracing. */
    TRACE;

    /** {@code error|warn|info|debug|trace|off}, case-insensitive; anything else is refused with the list. */
    public static LogLevel parse(String text) {
        String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (LogLevel level : values()) {
            if (level.name().equals(name)) {
                return level;
            }
        }
        throw new IllegalArgumentException("expected one of " + names() + ", got '" + text + "'");
    }

    /** The accepted values, as they are written: {@code off, error, warn, info, debug, trace}. */
    public static String names() {
        return Arrays.stream(values()).map(LogLevel::wireName).collect(Collectors.joining(", "));
    }

    /** Whether a line at {@code lineLevel} is written when this is the configured level. */
    public boolean enables(LogLevel lineLevel) {
        return lineLevel != OFF && ordinal() >= lineLevel.ordinal();
    }

    /** The lower-case name used by the option and by slf4j-simple's {@code defaultLogLevel}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
