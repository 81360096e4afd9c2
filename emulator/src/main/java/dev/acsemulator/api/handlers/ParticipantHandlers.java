package dev.acsemulator.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.api.CallbackUris;
import dev.acsemulator.api.CallerIds;
import dev.acsemulator.api.IdentifierRules;
import dev.acsemulator.api.Operation;
import dev.acsemulator.api.Route;
import dev.acsemulator.api.RouteGroup;
import dev.acsemulator.call.Commands;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.ParticipantService;
import dev.acsemulator.call.event.ParticipantView;
import dev.acsemulator.json.ParticipantModels;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** The participant operations of a call connection. */
public final class ParticipantHandlers implements RouteGroup {

    private static final String PARTICIPANTS = "/calling/callConnections/{callConnectionId}/participants";

    private final ParticipantService participants;
    private final CallbackUris callbackUris;
    private final CallerIds callerIds;
    private final int pageSize;

    public ParticipantHandlers(ParticipantService participants, CallbackUris callbackUris, CallerIds callerIds,
                               int pageSize) {
        this.participants = participants;
        this.callbackUris = callbackUris;
        this.callerIds = callerIds;
        this.pageSize = pageSize;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get(PARTICIPANTS, "CallConnection_GetParticipants", 200, this::list)
                        .withBodies(null, "GetParticipantsResponse"),
                Route.post(PARTICIPANTS + ":add", "CallConnection_AddParticipant", 202, this::add).withRepeatability()
                        .withBodies("AddParticipantRequest", "AddParticipantResponse").withTarget("participantToAdd")
                        .withDeviations(1, 6, 7, 25, 27),
                Route.post(PARTICIPANTS + ":remove", "CallConnection_RemoveParticipant", 202, this::remove)
                        .withRepeatability().withBodies("RemoveParticipantRequest", "RemoveParticipantResponse")
                        .withTarget("participantToRemove").withDeviations(1),
                Route.post(PARTICIPANTS + ":mute", "CallConnection_Mute", 200, this::mute).withRepeatability()
                        .withBodies("MuteParticipantsRequest", "MuteParticipantsResult")
                        .withTarget("targetParticipants")
                        .withDeviations(6),
                Route.post(PARTICIPANTS + ":cancelAddParticipant", "CallConnection_CancelAddParticipant", 202,
                        this::cancelAdd).withRepeatability().withBodies("CancelAddParticipantRequest",
                        "CancelAddParticipantResponse").withDeviations(1, 7, 24),
                Route.post(PARTICIPANTS + ":moveHere", "CallConnection_MoveParticipants", 202, this::move)
                        .withRepeatability().withBodies("MoveParticipantsRequest", "MoveParticipantsResponse")
                        .withTarget("targetParticipants").withDeviations(1, 23),
                Route.get(PARTICIPANTS + "/{participantRawId}", "CallConnection_GetParticipant", 200, this::get)
                        .withBodies(null, "CallParticipant"),
                Route.post(PARTICIPANTS + ":unmute", "CallConnection_Unmute", 200, this::unmute).withRepeatability()
                        .withBodies("MuteParticipantsRequest", "MuteParticipantsResult")
                        .withTarget("targetParticipants").withDeviations(6, 45));
    }

    /** Pages through {@code nextLink}, an absolute URL that carries the api-version (sdk-wire-facts.md §6). */
    public CompletionStage<Operation.Result> list(Operation.Request request) {
        String callConnectionId = request.path("callConnectionId");
        int skip = skip(request);
        return participants.list(callConnectionId).thenApply(all -> new Operation.Result(() -> {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            ArrayNode value = body.putArray("value");
            int end = Math.min(all.size(), skip + pageSize);
            for (ParticipantView view : all.subList(Math.min(skip, all.size()), end)) {
                value.add(ParticipantModels.write(view));
            }
            if (end < all.size()) {
                body.put("nextLink", request.context().baseUrl() + "/calling/callConnections/" + callConnectionId
                        + "/participants?api-version=" + request.context().requestedApiVersion() + "&skip=" + end);
            }
            return body;
        }, "GetParticipantsResponse", null));
    }

    public CompletionStage<Operation.Result> get(Operation.Request request) {
        Identifier identifier = IdentifierRules.require(Identifier.fromRawId(request.path("participantRawId")),
                "participantRawId");
        return participants.get(request.path("callConnectionId"), identifier)
                .thenApply(view -> new Operation.Result(() -> ParticipantModels.write(view), "CallParticipant",
                        null));
    }

    public CompletionStage<Operation.Result> add(Operation.Request request) {
        JsonNode body = request.body();
        Identifier target = RequestFields.requiredIdentifier(body, "participantToAdd");
        Identifier callerId = RequestFields.phoneNumber(body, "sourceCallerIdNumber");
        if (target.isPhoneNumber()) {
            if (callerId == null) {
                throw ApiErrors.invalidRequest("sourceCallerIdNumber is required to add a phone number.");
            }
            callerIds.checkOwned(callerId);
        }
        Commands.AddParticipant command = new Commands.AddParticipant(request.path("callConnectionId"), target,
                RequestFields.integer(body, "invitationTimeoutInSeconds"), callerId,
                RequestFields.text(body, "sourceDisplayName"), RequestFields.text(body, "operationContext"),
                callbackUris.check(RequestFields.text(body, "operationCallbackUri"), false),
                RequestFields.customHeaders(body));
        return participants.add(command).thenApply(added -> new Operation.Result(() -> {
            ObjectNode response = JsonNodeFactory.instance.objectNode();
            response.set("participant", ParticipantModels.write(new ParticipantView(added.participant(), false,
                    false)));
            if (added.operationContext() != null) {
                response.put("operationContext", added.operationContext());
            }
            response.put("invitationId", added.invitationId());
            return response;
        }, "AddParticipantResponse", null));
    }

    public CompletionStage<Operation.Result> remove(Operation.Request request) {
        JsonNode body = request.body();
        Commands.RemoveParticipant command = new Commands.RemoveParticipant(request.path("callConnectionId"),
                RequestFields.requiredIdentifier(body, "participantToRemove"),
                RequestFields.text(body, "operationContext"),
                callbackUris.check(RequestFields.text(body, "operationCallbackUri"), false));
        return participants.remove(command).thenApply(ignored -> new Operation.Result(
                () -> ResponseBodies.operationContext(command.operationContext()), "RemoveParticipantResponse", null));
    }

    public CompletionStage<Operation.Result> cancelAdd(Operation.Request request) {
        JsonNode body = request.body();
        String invitationId = RequestFields.text(body, "invitationId");
        if (invitationId == null || invitationId.isBlank()) {
            throw ApiErrors.invalidRequest("invitationId is required.");
        }
        Commands.CancelAddParticipant command = new Commands.CancelAddParticipant(request.path("callConnectionId"),
                invitationId, RequestFields.text(body, "operationContext"),
                callbackUris.check(RequestFields.text(body, "operationCallbackUri"), false));
        return participants.cancelAdd(command).thenApply(id -> new Operation.Result(() -> {
            ObjectNode response = ResponseBodies.operationContext(command.operationContext());
            response.put("invitationId", id);
            return response;
        }, "CancelAddParticipantResponse", null));
    }

    public CompletionStage<Operation.Result> mute(Operation.Request request) {
        Commands.Mute command = muteCommand(request);
        return participants.mute(command).thenApply(ignored -> muteResult(command));
    }

    /** CallConnection_Unmute (previews): its request and result have the fields of Mute's. */
    public CompletionStage<Operation.Result> unmute(Operation.Request request) {
        Commands.Mute command = muteCommand(request);
        return participants.unmute(command).thenApply(ignored -> muteResult(command));
    }

    private static Commands.Mute muteCommand(Operation.Request request) {
        JsonNode body = request.body();
        return new Commands.Mute(request.path("callConnectionId"),
                RequestFields.identifiers(body, "targetParticipants"), RequestFields.text(body, "operationContext"));
    }

    private static Operation.Result muteResult(Commands.Mute command) {
        return new Operation.Result(() -> ResponseBodies.operationContext(command.operationContext()),
                "MuteParticipantsResult", null);
    }

    public CompletionStage<Operation.Result> move(Operation.Request request) {
        JsonNode body = request.body();
        String fromCall = RequestFields.text(body, "fromCall");
        if (fromCall == null || fromCall.isBlank()) {
            throw ApiErrors.invalidRequest("fromCall is required.");
        }
        Commands.MoveParticipants command = new Commands.MoveParticipants(request.path("callConnectionId"),
                RequestFields.identifiers(body, "targetParticipants"), fromCall,
                RequestFields.text(body, "operationContext"),
                callbackUris.check(RequestFields.text(body, "operationCallbackUri"), false));
        return participants.move(command).thenApply(moved -> new Operation.Result(() -> {
            ObjectNode response = JsonNodeFactory.instance.objectNode();
            ArrayNode list = response.putArray("participants");
            for (Identifier identifier : moved) {
                list.add(ParticipantModels.write(new ParticipantView(identifier, false, false)));
            }
            if (command.operationContext() != null) {
                response.put("operationContext", command.operationContext());
            }
            response.put("fromCall", fromCall);
            return response;
        }, "MoveParticipantsResponse", null));
    }

    private static int skip(Operation.Request request) {
        String skip = request.context().skip();
        if (skip == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(skip));
        } catch (NumberFormatException e) {
            throw ApiErrors.invalidRequest("skip must be a non-negative integer.");
        }
    }

}
