package dev.acsemulator.call;

import dev.acsemulator.call.event.ParticipantView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A participant lists itself alike in consecutive rosters until it changes (the event writer copies the text of a
 * roster's unchanged front by that likeness), and by a view that says otherwise once it is muted or held. The view is
 * made for each roster, not kept: an idle call holds none.
 */
class ParticipantViewReuseTest {

    private final Participant participant = new Participant(Identifier.phoneNumber("+14255550123"), null);

    @Test
    void anUnchangedParticipantIsListedAlikeInEveryRoster() {
        ParticipantView first = participant.view();
        assertThat(participant.view().listsAlike(first)).isTrue();
        assertThat(first).isEqualTo(new ParticipantView(Identifier.phoneNumber("+14255550123"), false, false));
    }

    @Test
    void muteUnmuteAndHoldEachGiveAViewListedOtherwiseThatSaysSo() {
        ParticipantView before = participant.view();
        participant.mute();
        ParticipantView muted = participant.view();
        assertThat(muted.listsAlike(before)).isFalse();
        assertThat(muted.muted()).isTrue();
        participant.hold(true);
        ParticipantView held = participant.view();
        assertThat(held.listsAlike(muted)).isFalse();
        assertThat(held.onHold()).isTrue();
        participant.unmute();
        ParticipantView unmuted = participant.view();
        assertThat(unmuted.listsAlike(held)).isFalse();
        assertThat(unmuted).isEqualTo(new ParticipantView(Identifier.phoneNumber("+14255550123"), false, true));
    }

    @Test
    void aParticipantWhoRejoinedWithAnEqualIdentifierIsWrittenAnew() {
        Participant rejoined = new Participant(Identifier.phoneNumber("+14255550123"), null);

        assertThat(rejoined.view().listsAlike(participant.view())).as("equal, but another identifier object").isFalse();
        assertThat(rejoined.view()).isEqualTo(participant.view());
    }
}
