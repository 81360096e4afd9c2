package dev.acsemulator.call;

import dev.acsemulator.call.audio.CallTimes;

import java.time.Instant;
import java.util.Optional;

/** A call's times as its journal recorded them: each person's first joining line, and the line of its end. */
record JournalCallTimes(CallJournal journal, String serverCallId) implements CallTimes {

    @Override
    public Optional<Instant> firstJoined(Identifier person) {
        return journal.firstTime(CallJournal.ROSTER, person.rawId(), CallJournal.JOINED);
    }

    @Override
    public Optional<Instant> ended() {
        return journal.firstTime(CallJournal.CALL, serverCallId, CallJournal.ENDED);
    }
}
