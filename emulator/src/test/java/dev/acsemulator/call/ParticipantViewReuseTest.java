package dev.acsemulator.call;

import dev.acsemulator.call.event.ParticipantView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A participant lists itself in consecutive rosters by one view object until it changes (the event writer copies the
 * text of a roster's unchanged front by that identity), and by a new, correct view once it is muted or held.
 */
class ParticipantViewReuseTest {

    private final Participant participant = new Participant(Identifier.phoneNumber("+14255550123"), null);

    @Test
    void anUnchangedParticipantIsListedByTheSameViewInEveryRoster() {
        ParticipantView first = participant.view();
        assertThat(participant.view()).isSameAs(first);
        assertThat(first).isEqualTo(new ParticipantView(Identifier.phoneNumber("+14255550123"), false, false));
    }

    @Test
    void muteUnmuteAndHoldEachGiveANewViewThatSaysSo() {
        ParticipantView before = participant.view();
        participant.mute();
        ParticipantView muted = participant.view();
        assertThat(muted).isNotSameAs(before).extracting(ParticipantView::muted).isEqualTo(true);
        participant.hold(true);
        ParticipantView held = participant.view();
        assertThat(held).isNotSameAs(muted).extracting(ParticipantView::onHold).isEqualTo(true);
        participant.unmute();
        assertThat(participant.view()).isNotSameAs(held)
                .isEqualTo(new ParticipantView(Identifier.phoneNumber("+14255550123"), false, true));
    }
}
