package dev.acsemulator.admin;

import dev.acsemulator.activity.ActivityBook;
import dev.acsemulator.activity.ActivityJson;
import dev.acsemulator.api.OperationLog;
import dev.acsemulator.call.CallInspector;
import dev.acsemulator.call.CallService;
import dev.acsemulator.call.ClientTransferService;
import dev.acsemulator.call.HandAnswers;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.PersonActions;
import dev.acsemulator.call.media.AudioFetcher;
import dev.acsemulator.call.recording.RecordingStore;
import dev.acsemulator.delivery.DeliveryJournal;
import dev.acsemulator.faults.FaultRule;
import dev.acsemulator.faults.FaultRules;
import dev.acsemulator.world.Behaviour;
import dev.acsemulator.world.BehaviourBook;
import dev.acsemulator.runtime.IdSource;
import dev.acsemulator.world.IdentityDirectory;
import dev.acsemulator.runtime.TimeKeeping;
import dev.acsemulator.delivery.eventgrid.EventGridPublisher;
import dev.acsemulator.delivery.eventgrid.EventGridSubscription;

import java.util.List;
import java.util.Map;

/** The control API's route table: one line per operation. */
public final class AdminRoutes {

    private static final String CALL = "/admin/calls/{serverCallId}";
    private static final String PERSON = CALL + "/participants/{rawId}";

    private AdminRoutes() {
    }

    static List<AdminRoute> table(CallTasks calls, WorldTasks world, FaultTasks faults, ClockTasks clock,
                                  TransferTasks transfers, RecordingTasks recordings, VoiceTasks voices,
                                  InvitationTasks invitations) {
        return List.of(
                AdminRoute.of("GET", "/admin/invitations", "listInvitations", invitations::list),
                AdminRoute.of("POST", CALL + "/invitations/{invitationId}:answer", "answerInvitation",
                        invitations::answer),
                AdminRoute.of("POST", CALL + "/invitations/{invitationId}:decline", "declineInvitation",
                        invitations::decline),
                AdminRoute.of("POST", PERSON + ":transfer", "transfer", transfers::start),
                AdminRoute.of("GET", "/admin/transfers/{id}", "getTransfer", transfers::get),
                AdminRoute.of("GET", "/admin/clock", "getClock", clock::get),
                AdminRoute.of("POST", "/admin/clock:advance", "advanceClock", clock::advance),
                AdminRoute.of("GET", "/admin/faults", "listFaults", faults::list),
                AdminRoute.of("POST", "/admin/faults", "addFault", faults::add),
                AdminRoute.of("DELETE", "/admin/faults", "clearFaults", faults::clear),
                AdminRoute.of("DELETE", "/admin/faults/{id}", "removeFault", faults::remove),
                AdminRoute.of("POST", "/admin/calls:inbound", "placeInboundCall", calls::inbound),
                AdminRoute.of("GET", "/admin/calls", "listCalls", calls::list),
                AdminRoute.of("GET", CALL, "getCall", calls::get),
                AdminRoute.of("GET", CALL + "/deliveries", "listDeliveries", calls::deliveries),
                AdminRoute.of("POST", CALL + "/participants:join", "joinCall", calls::join),
                AdminRoute.of("POST", PERSON + ":hangUp", "hangUp", calls::hangUp),
                AdminRoute.of("POST", PERSON + ":hold", "hold", calls::hold),
                AdminRoute.of("POST", PERSON + ":unhold", "unhold", calls::unhold),
                AdminRoute.of("POST", PERSON + ":sendDtmf", "sendDtmf", calls::sendDtmf),
                AdminRoute.of("POST", PERSON + ":say", "say", voices::say),
                AdminRoute.of("GET", PERSON + "/heard", "listHeard", calls::heard),
                AdminRoute.of("GET", PERSON + "/heard.wav", "getHeardAudio", voices::heardWav),
                AdminRoute.of("GET", "/admin/connections/{callConnectionId}", "getCallByConnection",
                        calls::byConnection),
                AdminRoute.of("GET", "/admin/identities", "listIdentities", world::identities),
                AdminRoute.of("GET", "/admin/identities/{rawId}", "getIdentity", world::identity),
                AdminRoute.of("PUT", "/admin/identities/{rawId}", "setIdentity", world::setIdentity),
                AdminRoute.of("DELETE", "/admin/identities/{rawId}", "removeIdentity", world::removeIdentity),
                AdminRoute.of("GET", "/admin/eventgrid/subscriptions", "listSubscriptions", world::subscriptions),
                AdminRoute.of("POST", "/admin/eventgrid/subscriptions", "subscribe", world::subscribe),
                AdminRoute.of("DELETE", "/admin/eventgrid/subscriptions/{name}", "unsubscribe", world::unsubscribe),
                AdminRoute.of("GET", "/admin/operations", "operationStatistics", world::operations),
                AdminRoute.of("GET", "/admin/recordings", "listRecordings", recordings::list),
                AdminRoute.of("DELETE", "/admin/recordings/{documentId}", "deleteRecording", recordings::delete),
                AdminRoute.of("GET", "/admin/recordings/{documentId}/content", "getRecordingContent",
                        recordings::content),
                AdminRoute.of("POST", "/admin/reset", "reset", request -> {
                    faults.reset();
                    return world.reset(request);
                }));
    }

    /** The dashboard's part of the table: the live feed and each call's activity, export and diagram. */
    static List<AdminRoute> activityTable(ActivityTasks activity) {
        return List.of(
                AdminRoute.of("GET", "/admin/feed", "feed", activity::feed),
                AdminRoute.of("GET", CALL + "/activity", "listActivity", activity::activity),
                AdminRoute.of("GET", CALL + "/activity/{seq}", "getActivityItem", activity::item),
                AdminRoute.of("GET", CALL + "/export", "exportCall", activity::export),
                AdminRoute.of("GET", CALL + "/diagram.mmd", "getCallDiagram", activity::diagram));
    }

    /** Builds the control API. */
    public static AdminApi api(CallInspector inspector, CallService calls, PersonActions people,
                               DeliveryJournal deliveries, BehaviourBook behaviours, Map<Identifier, Behaviour> configured,
                               IdentityDirectory directory, List<EventGridSubscription> configuredSubscriptions,
                               EventGridPublisher eventGrid, OperationLog operations, FaultRules faults,
                               List<FaultRule> configuredFaults, IdSource ids, TimeKeeping time, String token,
                               RecordingStore recordings, AudioFetcher voiceFetcher, HandAnswers hands,
                               ActivityBook activity, ActivityJson activityJson) {
        List<AdminRoute> routes = new java.util.ArrayList<>(table(new CallTasks(inspector, calls, people, deliveries),
                new WorldTasks(behaviours, configured, directory, configuredSubscriptions, eventGrid, operations),
                new FaultTasks(faults, configuredFaults, ids), new ClockTasks(time),
                new TransferTasks(new ClientTransferService(calls)), new RecordingTasks(recordings),
                new VoiceTasks(people, voiceFetcher), new InvitationTasks(inspector, hands)));
        routes.addAll(activityTable(new ActivityTasks(inspector, activity, activityJson, deliveries)));
        return new AdminApi(routes, token);
    }
}
