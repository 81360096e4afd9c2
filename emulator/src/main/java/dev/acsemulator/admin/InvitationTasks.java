package dev.acsemulator.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.call.CallInspector;
import dev.acsemulator.call.CallView;
import dev.acsemulator.call.HandAnswers;
import dev.acsemulator.http.HttpResponseMessage;

import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Invitations as a person at a phone sees them: every call's invitations, to find the ones ringing a person who
 * answers by hand (the {@code manual} behaviour), and that person answering or declining one.
 */
final class InvitationTasks {

    private static final Set<String> STATES = Set.of("ringing", "answered", "failed", "cancelled");

    private final CallInspector inspector;
    private final HandAnswers hands;

    InvitationTasks(CallInspector inspector, HandAnswers hands) {
        this.inspector = inspector;
        this.hands = hands;
    }

    /**
     * {@code ?state=ringing|answered|failed|cancelled} and {@code ?manual=true|false} narrow the list; each entry is
     * the CallView's invitation with its call's {@code serverCallId}, calls oldest first, invitations in ringing order.
     */
    CompletionStage<HttpResponseMessage> list(AdminTask.Request request) {
        String state = request.query().get("state");
        if (state != null && !STATES.contains(state)) {
            throw ApiErrors.adminBadRequest("'state' must be ringing, answered, failed or cancelled, not '" + state
                    + "'.");
        }
        String manual = request.query().get("manual");
        if (manual != null && !manual.equals("true") && !manual.equals("false")) {
            throw ApiErrors.adminBadRequest("'manual' must be true or false, not '" + manual + "'.");
        }
        return inspector.all().thenApply(views -> {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            for (CallView view : views) {
                for (CallView.InvitationView invitation : view.invitations()) {
                    if ((state == null || state.equals(invitation.state()))
                            && (manual == null || Boolean.parseBoolean(manual) == invitation.manual())) {
                        list.add(AdminJson.invitation(invitation).put("serverCallId", view.serverCallId()));
                    }
                }
            }
            return CallTasks.ok(JsonNodeFactory.instance.objectNode().set("invitations", list));
        });
    }

    CompletionStage<HttpResponseMessage> answer(AdminTask.Request request) {
        return hands.answer(request.path("serverCallId"), request.path("invitationId"))
                .thenApply(ignored -> HttpResponseMessage.empty(204));
    }

    CompletionStage<HttpResponseMessage> decline(AdminTask.Request request) {
        return hands.decline(request.path("serverCallId"), request.path("invitationId"))
                .thenApply(ignored -> HttpResponseMessage.empty(204));
    }
}
