package dev.acsemulator.activity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallRosterTest {

    @Test
    void peopleAreCountedOnceEachWhetherFewOrMany() {
        CallRoster roster = new CallRoster();
        for (int i = 0; i < CallRoster.MANY_PEOPLE * 3; i++) {
            roster.joined("8:acs:p" + i);
            roster.joined("8:acs:p" + i);
        }
        roster.left("8:acs:p0");
        roster.left("8:acs:p0");
        roster.left("8:acs:nobody");

        assertThat(roster.people()).isEqualTo(CallRoster.MANY_PEOPLE * 3 - 1);
    }

    @Test
    void aFewPeopleLeaveFromAnyPlace() {
        CallRoster roster = new CallRoster();
        roster.joined("a");
        roster.joined("b");
        roster.joined("c");
        roster.left("b");
        roster.joined("a");
        roster.joined("b");

        assertThat(roster.people()).isEqualTo(3);
    }

    @Test
    void connectionsKeepTheOrderTheyCameInAndTheirLatestState() {
        CallRoster roster = new CallRoster();
        roster.connectionState("c1", "created");
        roster.connectionState("c2", "created");
        roster.connectionState("c3", "connecting");
        roster.connectionState("c1", "connected");

        assertThat(roster.connections()).containsExactly(new CallSummary.Connection("c1", "connected"),
                new CallSummary.Connection("c2", "created"), new CallSummary.Connection("c3", "connecting"));
    }
}
