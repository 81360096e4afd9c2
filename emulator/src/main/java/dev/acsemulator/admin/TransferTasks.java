package dev.acsemulator.admin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.call.ClientTransfer;
import dev.acsemulator.call.ClientTransferService;
import dev.acsemulator.http.HttpResponseMessage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Client-side transfers made by simulated participants, and their state. */
final class TransferTasks {

    private final ClientTransferService transfers;

    TransferTasks(ClientTransferService transfers) {
        this.transfers = transfers;
    }

    /**
     * {@code {"target": rawId} | {"targetCallId": serverCallId} | {"targetVoicemail": teamsUserRawId}}, with optional
     * {@code "transferee"} and {@code "disableForwardingAndUnanswered"}.
     */
    CompletionStage<HttpResponseMessage> start(AdminTask.Request request) {
        String target = request.optionalText("target");
        String targetCallId = request.optionalText("targetCallId");
        String voicemail = request.optionalText("targetVoicemail");
        int given = (target == null ? 0 : 1) + (targetCallId == null ? 0 : 1) + (voicemail == null ? 0 : 1);
        if (given != 1) {
            throw ApiErrors.adminBadRequest("Give exactly one of 'target', 'targetCallId' and 'targetVoicemail'.");
        }
        if (voicemail != null && !RawIds.identity(voicemail, "targetVoicemail").rawId().startsWith("8:")) {
            throw ApiErrors.adminBadRequest("'targetVoicemail' must be a Teams user's raw id (8:orgid:...).");
        }
        String transferee = request.optionalText("transferee");
        ClientTransferService.Request transfer = new ClientTransferService.Request(
                target == null ? null : RawIds.identity(target, "target"), targetCallId,
                voicemail == null ? null : RawIds.identity(voicemail, "targetVoicemail"),
                transferee == null ? null : RawIds.identity(transferee, "transferee"),
                request.body().path("disableForwardingAndUnanswered").asBoolean(false));
        return transfers.start(request.path("serverCallId"), request.pathIdentity("rawId"), transfer)
                .thenApply(started -> HttpResponseMessage.json(202, view(started).toString()));
    }

    CompletionStage<HttpResponseMessage> get(AdminTask.Request request) {
        ClientTransfer transfer = transfers.transfer(request.path("id")).orElseThrow(() ->
                ApiErrors.adminNotFound("No transfer with id " + request.path("id") + "."));
        return CompletableFuture.completedFuture(CallTasks.ok(view(transfer)));
    }

    private static ObjectNode view(ClientTransfer transfer) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("id", transfer.id())
                .put("state", switch (transfer.state()) {
                    case NONE -> "None";
                    case TRANSFERRING -> "Transferring";
                    case TRANSFERRED -> "Transferred";
                    case FAILED -> "Failed";
                })
                .put("transferor", transfer.transferor().rawId()).put("transferee", transfer.transferee().rawId())
                .put("target", transfer.target());
        if (transfer.error() != null) {
            node.putObject("error").put("code", transfer.error().code()).put("subCode", transfer.error().subCode())
                    .put("message", transfer.error().message());
        }
        return node;
    }
}
