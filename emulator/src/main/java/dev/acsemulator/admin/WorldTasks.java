package dev.acsemulator.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.api.OperationLog;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.http.HttpResponseMessage;
import dev.acsemulator.world.Behaviour;
import dev.acsemulator.world.BehaviourBook;
import dev.acsemulator.world.BehaviourJson;
import dev.acsemulator.world.IdentityDirectory;
import dev.acsemulator.delivery.eventgrid.EventGridPublisher;
import dev.acsemulator.delivery.eventgrid.EventGridSubscription;
import dev.acsemulator.delivery.eventgrid.EventGridSubscriptions;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Identities and their behaviours, Event Grid subscriptions, operation statistics and reset. */
final class WorldTasks {

    private final BehaviourBook behaviours;
    private final Map<Identifier, Behaviour> configuredBehaviours;
    private final IdentityDirectory directory;
    private final List<EventGridSubscription> configuredSubscriptions;
    private final EventGridPublisher eventGrid;
    private final OperationLog operations;

    WorldTasks(BehaviourBook behaviours, Map<Identifier, Behaviour> configuredBehaviours, IdentityDirectory directory,
               List<EventGridSubscription> configuredSubscriptions, EventGridPublisher eventGrid,
               OperationLog operations) {
        this.behaviours = behaviours;
        this.configuredBehaviours = configuredBehaviours;
        this.directory = directory;
        this.configuredSubscriptions = configuredSubscriptions;
        this.eventGrid = eventGrid;
        this.operations = operations;
    }

    CompletionStage<HttpResponseMessage> identities(AdminTask.Request request) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode list = body.putArray("identities");
        behaviours.explicitBehaviours().forEach((identity, behaviour) ->
                list.addObject().put("rawId", identity.rawId()).set("behaviour", BehaviourJson.write(behaviour)));
        directory.ownedPhoneNumbers().forEach(body.putArray("ownedPhoneNumbers")::add);
        return done(CallTasks.ok(body));
    }

    CompletionStage<HttpResponseMessage> identity(AdminTask.Request request) {
        Identifier identity = request.pathIdentity("rawId");
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("rawId", identity.rawId())
                .put("kind", identity.kind().wireName())
                .put("applicationOwned", directory.isApplicationOwned(identity))
                .put("reserved", behaviours.reserved(identity).isPresent());
        body.set("behaviour", BehaviourJson.write(behaviours.behaviourOf(identity)));
        return done(CallTasks.ok(body));
    }

    CompletionStage<HttpResponseMessage> setIdentity(AdminTask.Request request) {
        Identifier identity = request.pathIdentity("rawId");
        try {
            behaviours.set(identity, BehaviourJson.read(request.body().has("behaviour")
                    ? request.body().get("behaviour") : request.body()));
        } catch (IllegalArgumentException e) {
            throw ApiErrors.adminBadRequest(e.getMessage());
        }
        return identity(request);
    }

    CompletionStage<HttpResponseMessage> removeIdentity(AdminTask.Request request) {
        if (!behaviours.remove(request.pathIdentity("rawId"))) {
            throw ApiErrors.adminNotFound("No behaviour was set for " + request.path("rawId") + ".");
        }
        return done(HttpResponseMessage.empty(204));
    }

    CompletionStage<HttpResponseMessage> subscriptions(AdminTask.Request request) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode list = body.putArray("subscriptions");
        directory.subscriptions().forEach(subscription -> list.add(EventGridSubscriptions.write(subscription)));
        return done(CallTasks.ok(body));
    }

    /** Creates (or replaces) a subscription and performs its validation handshake before answering. */
    CompletionStage<HttpResponseMessage> subscribe(AdminTask.Request request) {
        EventGridSubscription subscription;
        try {
            subscription = EventGridSubscriptions.read(request.body());
        } catch (IllegalArgumentException e) {
            throw ApiErrors.adminBadRequest(e.getMessage());
        }
        directory.subscribe(subscription);
        eventGrid.forget(subscription.name());
        CompletionStage<Boolean> validation;
        try {
            validation = eventGrid.validated(subscription);
        } catch (RuntimeException e) {
            // Nothing half-made: a subscription whose handshake could not even start is not left registered.
            directory.unsubscribe(subscription.name());
            throw e;
        }
        return validation.thenApply(valid -> {
            ObjectNode body = EventGridSubscriptions.write(subscription).put("validated", valid);
            return HttpResponseMessage.json(201, body.toString());
        });
    }

    CompletionStage<HttpResponseMessage> unsubscribe(AdminTask.Request request) {
        String name = request.path("name");
        if (!directory.unsubscribe(name)) {
            throw ApiErrors.adminNotFound("No Event Grid subscription named " + name + ".");
        }
        eventGrid.forget(name);
        return done(HttpResponseMessage.empty(204));
    }

    CompletionStage<HttpResponseMessage> operations(AdminTask.Request request) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode byOperation = body.putObject("operations");
        operations.snapshot().forEach((operation, statuses) -> {
            ObjectNode counts = byOperation.putObject(operation);
            statuses.forEach((status, count) -> counts.put(Integer.toString(status), count));
        });
        return done(CallTasks.ok(body));
    }

    /** Back to the configured world: behaviours and subscriptions as configured (calls go on). */
    CompletionStage<HttpResponseMessage> reset(AdminTask.Request request) {
        behaviours.clear(configuredBehaviours);
        for (EventGridSubscription subscription : directory.subscriptions()) {
            eventGrid.forget(subscription.name());
        }
        directory.resetSubscriptions(configuredSubscriptions);
        return done(HttpResponseMessage.empty(204));
    }


    private static CompletionStage<HttpResponseMessage> done(HttpResponseMessage response) {
        return CompletableFuture.completedFuture(response);
    }
}
