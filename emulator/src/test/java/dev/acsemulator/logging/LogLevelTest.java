package dev.acsemulator.logging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogLevelTest {

    @ParameterizedTest
    @CsvSource({"error,ERROR", "WARN,WARN", "Info,INFO", "debug,DEBUG", "trace,TRACE", "off,OFF", " info ,INFO"})
    void everySlf4jLevelNameIsAcceptedInAnyCase(String text, LogLevel expected) {
        assertThat(LogLevel.parse(text)).isEqualTo(expected);
    }

    @Test
    void anUnknownLevelIsRefusedWithTheListOfAcceptedOnes() {
        assertThatThrownBy(() -> LogLevel.parse("verbose"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected one of off, error, warn, info, debug, trace, got 'verbose'");
    }

    @Test
    void aLevelEnablesItselfAndTheMoreSevereLevelsOnly() {
        assertThat(LogLevel.INFO.enables(LogLevel.ERROR)).isTrue();
        assertThat(LogLevel.INFO.enables(LogLevel.WARN)).isTrue();
        assertThat(LogLevel.INFO.enables(LogLevel.INFO)).isTrue();
        assertThat(LogLevel.INFO.enables(LogLevel.DEBUG)).isFalse();
        assertThat(LogLevel.WARN.enables(LogLevel.INFO)).isFalse();
        assertThat(LogLevel.TRACE.enables(LogLevel.TRACE)).isTrue();
    }

    @Test
    void offEnablesNothing() {
        for (LogLevel line : LogLevel.values()) {
            assertThat(LogLevel.OFF.enables(line)).as("off enables %s", line).isFalse();
        }
        assertThat(LogLevel.TRACE.enables(LogLevel.OFF)).isFalse();
    }
}
