package dev.acsemulator.logging;

import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import java.net.ConnectException;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryLogTest {

    private static final String URL = "http://127.0.0.1:3000/api/callbacks";

    private final CapturingLogger framework = new CapturingLogger(DeliveryLog.LOGGER_NAME, Level.TRACE);
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private DeliveryLog deliveryLog(LogLevel configured) {
        return new DeliveryLog(new GatedLogger(framework, configured, LineWriter.IMMEDIATE), now::get);
    }

    @Test
    void aDeliveredCallbackIsOneInfoLineWithTypeAttemptUrlStatusDurationAndIds() {
        DeliveryLog log = deliveryLog(LogLevel.INFO);
        long started = log.attemptStarted();
        now.addAndGet(3_140_000);

        log.callbackAttempt("CallConnected", "e-1", "421f0b00", URL, 1, 200, null, "delivered", started);

        assertThat(framework.lines()).singleElement().satisfies(line -> {
            assertThat(line.level()).isEqualTo(Level.INFO);
            assertThat(line.message()).isEqualTo("callback CallConnected attempt 1 to " + URL
                    + ": 200 in 3.1 ms callConnectionId=421f0b00 eventId=e-1");
        });
    }

    @Test
    void aFailedAttemptSaysWhatFailedAndWhatFollowsAtWarn() {
        DeliveryLog log = deliveryLog(LogLevel.INFO);
        long started = log.attemptStarted();

        log.callbackAttempt("CallConnected", "e-1", "421f0b00", URL, 1, 503, "HTTP 503", "retrying", started);
        log.callbackAttempt("CallConnected", "e-1", "421f0b00", URL, 4, 0, "ConnectException: Connection refused",
                "failed", started);
        log.callbackDropped("ParticipantsUpdated", "e-2", "421f0b00", URL, "queue full");

        assertThat(framework.lines()).extracting(CapturingLogger.Line::level).containsOnly(Level.WARN);
        assertThat(framework.messages()).containsExactly(
                "callback CallConnected attempt 1 to " + URL
                        + ": HTTP 503, retrying in 0.0 ms callConnectionId=421f0b00 eventId=e-1",
                "callback CallConnected attempt 4 to " + URL
                        + ": ConnectException: Connection refused, failed in 0.0 ms callConnectionId=421f0b00"
                        + " eventId=e-1",
                "callback ParticipantsUpdated to " + URL
                        + ": dropped (queue full) callConnectionId=421f0b00 eventId=e-2");
    }

    @Test
    void anEventGridAttemptNamesTheSubscriptionAndTheCall() {
        DeliveryLog log = deliveryLog(LogLevel.INFO);
        long started = log.attemptStarted();
        now.addAndGet(12_000_000);

        log.eventGridAttempt("IncomingCall", "incoming-calls", "http://127.0.0.1:3000/api/incomingCall",
                "aHR0cHM6Ly9h", "e-3", 1, 200, null, started);
        log.eventGridAttempt("IncomingCall", "incoming-calls", "http://127.0.0.1:3000/api/incomingCall",
                "aHR0cHM6Ly9h", "e-3", 2, 0, new ConnectException("Connection refused"), started);

        assertThat(framework.lines()).extracting(CapturingLogger.Line::level).containsExactly(Level.INFO,
                Level.WARN);
        assertThat(framework.messages()).containsExactly(
                "eventgrid IncomingCall attempt 1 to http://127.0.0.1:3000/api/incomingCall: 200 in 12.0 ms"
                        + " subscription=incoming-calls serverCallId=aHR0cHM6Ly9h eventId=e-3",
                "eventgrid IncomingCall attempt 2 to http://127.0.0.1:3000/api/incomingCall:"
                        + " java.net.ConnectException: Connection refused in 12.0 ms"
                        + " subscription=incoming-calls serverCallId=aHR0cHM6Ly9h eventId=e-3");
    }

    @Test
    void whenNothingWouldBeLoggedNoAttemptIsTimed() {
        AtomicLong reads = new AtomicLong();
        DeliveryLog off = new DeliveryLog(new GatedLogger(framework, LogLevel.OFF, LineWriter.IMMEDIATE),
                reads::incrementAndGet);

        assertThat(off.attemptStarted()).isZero();
        off.callbackAttempt("CallConnected", "e-1", "c", URL, 1, 500, "HTTP 500", "failed", 0);
        assertThat(reads).hasValue(0);
    }

    @Test
    void atWarnOnlyFailuresAreLoggedAndAtOffNothing() {
        deliveryLog(LogLevel.WARN).callbackAttempt("CallConnected", "e-1", "c", URL, 1, 200, null, "delivered", 0);
        deliveryLog(LogLevel.WARN).callbackAttempt("CallConnected", "e-1", "c", URL, 1, 500, "HTTP 500", "failed",
                0);
        deliveryLog(LogLevel.OFF).callbackDropped("CallConnected", "e-1", "c", URL, "queue full");

        assertThat(framework.messages()).singleElement().asString().contains("HTTP 500, failed");
    }
}
