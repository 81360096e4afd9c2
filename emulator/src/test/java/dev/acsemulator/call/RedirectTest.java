package dev.acsemulator.call;

import static dev.acsemulator.call.CallWorld.API_VERSION;
import static dev.acsemulator.call.CallWorld.CALLBACK;
import static dev.acsemulator.call.CallWorld.done;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * RedirectCall (call-automation-behaviour.md §2.4): the invitation rings its new target, which is told the call is
 * from the identity that redirected it (openapi/DEVIATIONS.md 60).
 */
class RedirectTest {

    private static final Identifier CALLER = Identifier.phoneNumber("+14255550142");
    private static final Identifier NUMBER = Identifier.phoneNumber("+18005550111");
    private static final Identifier AGENT = Identifier.communicationUser("8:acs:" + CallWorld.RESOURCE_ID + "_agent");
    private static final Identifier DESK = Identifier.communicationUser("8:acs:" + CallWorld.RESOURCE_ID + "_desk");

    private final CallWorld world = new CallWorld(Duration.ofSeconds(30));

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void aCallThatNobodyRedirectedIsPresentedAsFromItsCaller() {
        Invitation invitation = ringing(callTo(NUMBER));

        IncomingCallTicket ticket = ticketOf(invitation);

        assertThat(ticket.from()).isEqualTo(CALLER);
        assertThat(invitation.presentedDisplayName()).isEqualTo("Caller");
    }

    @Test
    void aRedirectedCallIsPresentedToItsNewTargetAsFromTheIdentityThatRedirectedIt() {
        Invitation invitation = ringing(callTo(NUMBER));

        done(world.calls.redirect(new Commands.Redirect(ScriptedPeople.incomingCallContext(invitation), AGENT,
                CustomHeaders.NONE)));

        IncomingCallTicket ticket = ticketOf(invitation);
        assertThat(ticket.to()).isEqualTo(AGENT);
        assertThat(ticket.from()).as("the number that redirected the call, not the caller").isEqualTo(NUMBER);
        assertThat(invitation.presentedDisplayName()).as("the redirecting number has no display name").isNull();
        assertThat(invitation.from()).as("the call is still the caller's").isEqualTo(CALLER);
    }

    @Test
    void aCallRedirectedTwiceIsPresentedAsFromTheLastIdentityThatRedirectedIt() {
        Invitation invitation = ringing(callTo(NUMBER));
        done(world.calls.redirect(new Commands.Redirect(ScriptedPeople.incomingCallContext(invitation), AGENT,
                CustomHeaders.NONE)));

        done(world.calls.redirect(new Commands.Redirect(ScriptedPeople.incomingCallContext(invitation), DESK,
                CustomHeaders.NONE)));

        assertThat(ticketOf(invitation).from()).isEqualTo(AGENT);
    }

    @Test
    void answeringARedirectedCallNamesTheIdentityThatRedirectedItAsTheConnectionsSource() {
        Invitation invitation = ringing(callTo(NUMBER));
        done(world.calls.redirect(new Commands.Redirect(ScriptedPeople.incomingCallContext(invitation), AGENT,
                CustomHeaders.NONE)));

        CallConnectionSnapshot answered = done(world.calls.answer(new Commands.Answer(
                ScriptedPeople.incomingCallContext(invitation), CALLBACK, "ctx-answer", API_VERSION, null, null)));

        assertThat(answered.source()).isEqualTo(NUMBER);
        world.awaitTypes(answered.callConnectionId(), "CallConnected", "ParticipantsUpdated");
    }

    private String callTo(Identifier owned) {
        world.people.respond(NUMBER, ScriptedPeople.Response.APP_OWNED);
        world.people.respond(AGENT, ScriptedPeople.Response.APP_OWNED);
        world.people.respond(DESK, ScriptedPeople.Response.APP_OWNED);
        return done(world.calls.placeInboundCall(CALLER, owned, "Caller", CustomHeaders.NONE));
    }

    private Invitation ringing(String serverCallId) {
        return world.people.rung().stream().filter(rung -> rung.call().serverCallId().equals(serverCallId))
                .findFirst().orElseThrow();
    }

    private IncomingCallTicket ticketOf(Invitation invitation) {
        return world.registry.incoming(ScriptedPeople.incomingCallContext(invitation)).orElseThrow();
    }
}
