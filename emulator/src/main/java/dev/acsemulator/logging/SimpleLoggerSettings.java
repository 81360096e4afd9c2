package dev.acsemulator.logging;

import java.util.Properties;

/**
 * Sets up slf4j-simple, the binding of the runnable jar, before its first logger exists (it reads its settings once,
 * from system properties, when the first logger is created): the default level is {@code --log-level}, so the
 * option also quiets or opens Netty's and the JDK client's lines; each line starts with the time and no thread name
 * (the emulator's lines are all written by one log thread). A setting the user gave with {@code -D} is kept, except
 * the default level, which the option owns. Has no effect under any other binding.
 */
public final class SimpleLoggerSettings {

    static final String PREFIX = "org.slf4j.simpleLogger.";

    private SimpleLoggerSettings() {
    }

    public static void apply(LogLevel level, Properties systemProperties) {
        systemProperties.setProperty(PREFIX + "defaultLogLevel", level.wireName());
        systemProperties.putIfAbsent(PREFIX + "showDateTime", "true");
        systemProperties.putIfAbsent(PREFIX + "dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        systemProperties.putIfAbsent(PREFIX + "showThreadName", "false");
    }
}
