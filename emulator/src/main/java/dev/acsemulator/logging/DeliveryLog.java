package dev.acsemulator.logging;

import dev.acsemulator.http.BoundedText;

import java.util.function.LongSupplier;

/**
 * One line per callback or Event Grid delivery attempt, on the logger {@value #LOGGER_NAME}:
 * <pre>
 * callback CallConnected attempt 1 to http://127.0.0.1:3000/api/callbacks: 200 in 3.1 ms callConnectionId=... eventId=...
 * callback CallConnected attempt 1 to http://127.0.0.1:3000/api/callbacks: HTTP 503, retrying in 2.0 ms callConnectionId=... eventId=...
 * callback ParticipantsUpdated to http://127.0.0.1:3000/api/callbacks: dropped (queue full) callConnectionId=... eventId=...
 * eventgrid IncomingCall attempt 1 to http://127.0.0.1:3000/api/incomingCall: 200 in 2.3 ms subscription=... serverCallId=... eventId=...
 * </pre>
 * A delivered attempt is logged at INFO; one that failed (and is retried, or given up) or a dropped event at WARN.
 */
public final class DeliveryLog {

    public static final String LOGGER_NAME = "dev.acsemulator.delivery";

    private static final String CALLBACK = "callback {} attempt {} to {}: {} in {} ms callConnectionId={} eventId={}";
    private static final String CALLBACK_DROPPED = "callback {} to {}: dropped ({}) callConnectionId={} eventId={}";
    private static final String EVENT_GRID =
            "eventgrid {} attempt {} to {}: {} in {} ms subscription={} serverCallId={} eventId={}";

    private final GatedLogger log;
    private final LongSupplier nanoTime;

    /** @param nanoTime a monotonic ticker in nanoseconds ({@code System::nanoTime}) */
    public DeliveryLog(GatedLogger log, LongSupplier nanoTime) {
        this.log = log;
        this.nanoTime = nanoTime;
    }

    /** When an attempt starts: the value to give back with its outcome (0, and no clock read, when nothing logs). */
    public long attemptStarted() {
        return log.enabled(LogLevel.WARN) ? nanoTime.getAsLong() : 0;
    }

    /**
     * A callback POST's outcome.
     *
     * @param status   the webhook's status, 0 when no response came
     * @param error    why no response came, else null
     * @param decision what follows: {@code delivered}, {@code retrying} or {@code failed}
     */
    public void callbackAttempt(String eventType, String eventId, String callConnectionId, String url, int attempt,
                                int status, String error, String decision, long started) {
        LogLevel level = decision.equals("delivered") ? LogLevel.INFO : LogLevel.WARN;
        if (log.enabled(level)) {
            log.write(level, CALLBACK, eventType, attempt, BoundedText.of(url, BoundedText.URL_CHARS),
                    new Outcome(status, BoundedText.of(error, BoundedText.URL_CHARS), decision),
                    new Millis(nanoTime.getAsLong() - started), callConnectionId, eventId);
        }
    }

    /** A callback that was never sent, and why ({@code queue full}). */
    public void callbackDropped(String eventType, String eventId, String callConnectionId, String url, String reason) {
        if (log.enabled(LogLevel.WARN)) {
            log.write(LogLevel.WARN, CALLBACK_DROPPED, eventType, BoundedText.of(url, BoundedText.URL_CHARS), reason,
                    callConnectionId, eventId);
        }
    }

    /**
     * An Event Grid POST's outcome; whether it is retried follows from Event Grid's rules and shows as the next
     * attempt's line.
     *
     * @param status 0 when no response came, then {@code error} says why
     */
    public void eventGridAttempt(String eventType, String subscription, String url, String serverCallId,
                                 String eventId, int attempt, int status, Throwable error, long started) {
        boolean delivered = error == null && status >= 200 && status < 300;
        LogLevel level = delivered ? LogLevel.INFO : LogLevel.WARN;
        if (log.enabled(level)) {
            log.write(level, EVENT_GRID, eventType, attempt, BoundedText.of(url, BoundedText.URL_CHARS),
                    new Outcome(status, error == null ? null : error.toString(), null),
                    new Millis(nanoTime.getAsLong() - started), subscription, serverCallId, eventId);
        }
    }

    /** {@code 200}, {@code HTTP 503, retrying} or {@code ConnectException: ..., failed}; rendered when written. */
    private record Outcome(int status, String error, String decision) {
        @Override
        public String toString() {
            boolean delivered = error == null && status >= 200 && status < 300;
            String what = delivered ? Integer.toString(status) : error != null ? error : "HTTP " + status;
            return delivered || decision == null ? what : what + ", " + decision;
        }
    }
}
