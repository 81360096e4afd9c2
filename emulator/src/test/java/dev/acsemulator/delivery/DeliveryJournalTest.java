package dev.acsemulator.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Attempts are kept compactly and read back exactly as recorded, per call, bounded, until the call is forgotten. */
class DeliveryJournalTest {

    private static final Instant TIME = Instant.parse("2026-11-22T00:33:38.123456789Z");

    private static DeliveryJournal.AttemptRecord attempt(String eventId, int number) {
        return new DeliveryJournal.AttemptRecord(eventId, "CallConnected", "https://app.example/callbacks", number,
                TIME.plusMillis(number), 200, null, DeliveryOutcome.DELIVERED);
    }

    @Test
    void anAttemptReadsBackAsRecordedWhetherItsEventIdIsAUuidOrNot() {
        DeliveryJournal journal = new DeliveryJournal(10);
        DeliveryJournal.AttemptRecord uuid = attempt("5a1c8f0e-9d2b-4c3a-8e7f-0123456789ab", 1);
        DeliveryJournal.AttemptRecord upperCase = attempt("5A1C8F0E-9D2B-4C3A-8E7F-0123456789AB", 2);
        DeliveryJournal.AttemptRecord other = new DeliveryJournal.AttemptRecord("not-a-uuid", "IncomingCall",
                "https://app.example/eventgrid", 3, TIME, 0, "ConnectException: refused", DeliveryOutcome.RETRYING);

        journal.record("call-1", uuid);
        journal.record("call-1", upperCase);
        journal.record("call-1", other);

        assertThat(journal.forCall("call-1")).containsExactly(uuid, upperCase, other);
    }

    @Test
    void onlyTheNewestAttemptsOfACallAreKept() {
        DeliveryJournal journal = new DeliveryJournal(2);
        for (int i = 1; i <= 3; i++) {
            journal.record("call-1", attempt("5a1c8f0e-9d2b-4c3a-8e7f-00000000000" + i, i));
        }

        assertThat(journal.forCall("call-1")).extracting(DeliveryJournal.AttemptRecord::attempt)
                .containsExactly(2, 3);
    }

    @Test
    void aForgottenCallsAttemptsAreGoneAndOtherCallsKeepTheirs() {
        DeliveryJournal journal = new DeliveryJournal(10);
        journal.record("call-1", attempt("5a1c8f0e-9d2b-4c3a-8e7f-000000000001", 1));
        journal.record("call-2", attempt("5a1c8f0e-9d2b-4c3a-8e7f-000000000002", 1));

        journal.forget("call-1");

        assertThat(journal.forCall("call-1")).isEmpty();
        assertThat(journal.forCall("call-2")).hasSize(1);
    }
}
