package dev.acsemulator.call;

import static dev.acsemulator.call.CallWorld.ALICE;
import static dev.acsemulator.call.CallWorld.APP;
import static dev.acsemulator.call.CallWorld.CALLBACK;
import static dev.acsemulator.call.CallWorld.API_VERSION;
import static dev.acsemulator.call.CallWorld.RESOURCE_ID;
import static dev.acsemulator.call.CallWorld.done;
import static dev.acsemulator.call.CallWorld.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.acsemulator.call.event.CallEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A call holds at most 350 participants (call-automation-behaviour.md §7), its application included. */
class ParticipantLimitTest {

    private final CallWorld world = new CallWorld(Duration.ofSeconds(30));

    @AfterEach
    void stop() {
        world.close();
    }

    private static List<Identifier> people(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> Identifier.communicationUser("8:acs:" + RESOURCE_ID + "_guest" + i)).toList();
    }

    private CompletableFuture<CallConnectionSnapshot> createCall(List<Identifier> targets) {
        return world.calls.createCall(new Commands.CreateCall(targets, APP, null, null, CALLBACK, "ctx-create",
                API_VERSION, CustomHeaders.NONE, null));
    }

    @Test
    void aCreateCallOfFiveThousandTargetsIsRefusedAndRingsNobody() {
        assertThat(refusal(createCall(people(5_000)))).isEqualTo(CallError.INVALID_REQUEST);

        assertThat(world.people.rung()).isEmpty();
        assertThat(world.registry.calls()).isEmpty();
    }

    @Test
    void aCreateCallWhoseTargetsAndApplicationMakeThreeHundredAndFiftyOneIsRefused() {
        CompletableFuture<CallConnectionSnapshot> refused = createCall(people(350));

        assertThat(refusal(refused)).isEqualTo(CallError.INVALID_REQUEST);
        assertThat(refused).failsWithin(CallWorld.WAIT).withThrowableOfType(ExecutionException.class)
                .withMessageContaining("at most 350 participants").withMessageContaining("351");
    }

    @Test
    void aFullCallOfThreeHundredAndFiftyRefusesAnAddWhileRingingSeatsCount() {
        String id = done(createCall(people(349))).callConnectionId();
        await().atMost(CallWorld.WAIT).until(() -> world.events.of(id, CallEvent.ParticipantsUpdated.class).stream()
                .anyMatch(update -> update.participants().size() == ParticipantLimit.MAX_PARTICIPANTS));

        CompletableFuture<AddedParticipant> add = world.participants.add(new Commands.AddParticipant(id, ALICE,
                null, null, null, null, null, CustomHeaders.NONE));

        assertThat(refusal(add)).isEqualTo(CallError.INVALID_REQUEST);
        assertThat(world.people.rung()).extracting(Invitation::target).doesNotContain(ALICE);
    }

    @Test
    void anAddIsRefusedWhenRingingInvitationsWouldFillTheCall() {
        world.people.respond(ALICE, ScriptedPeople.Response.ANSWER);
        String id = world.connectedCallTo(ALICE);
        List<Identifier> ringing = people(348);
        ringing.forEach(person -> world.people.respond(person, ScriptedPeople.Response.NEVER_ANSWER));
        List<CompletableFuture<AddedParticipant>> adds = new ArrayList<>();
        for (Identifier person : ringing) {
            adds.add(world.participants.add(new Commands.AddParticipant(id, person, null, null, null, null, null,
                    CustomHeaders.NONE)));
        }
        adds.forEach(CallWorld::done);

        Identifier oneMore = Identifier.communicationUser("8:acs:" + RESOURCE_ID + "_one_more");
        assertThat(refusal(world.participants.add(new Commands.AddParticipant(id, oneMore, null, null, null, null,
                null, CustomHeaders.NONE)))).isEqualTo(CallError.INVALID_REQUEST);
    }

    @Test
    void aRoomOfThreeHundredAndFiftyAnsweringTogetherIsAnnouncedInRostersLinearInItsSize() {
        String id = done(createCall(people(349))).callConnectionId();
        await().atMost(CallWorld.WAIT).until(() -> world.events.of(id, CallEvent.ParticipantsUpdated.class).stream()
                .anyMatch(update -> update.participants().size() == ParticipantLimit.MAX_PARTICIPANTS));
        world.settle(id);

        List<CallEvent.ParticipantsUpdated> updates = world.events.of(id, CallEvent.ParticipantsUpdated.class);
        int entriesPublished = updates.stream().mapToInt(update -> update.participants().size()).sum();
        assertThat(entriesPublished).as("participant entries across %d rosters", updates.size())
                .isLessThanOrEqualTo(4 * ParticipantLimit.MAX_PARTICIPANTS);
        assertThat(updates.get(updates.size() - 1).participants()).hasSize(ParticipantLimit.MAX_PARTICIPANTS);
        assertThat(updates).extracting(CallEvent.ParticipantsUpdated::sequenceNumber).isSorted();
    }
}
