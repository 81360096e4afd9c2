package dev.acsemulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The route table wired as {@code Emulator} wires it; lookups never reach the handlers. */
class RouteTableTest {

    private static final String CALL = "/calling/callConnections/411f0b00-aaaa-bbbb-cccc-000000000001";

    private static WiredRoutes wired;
    private static RouteTable table;

    @BeforeAll
    static void wireTheTable() {
        wired = new WiredRoutes();
        table = wired.table;
    }

    @AfterAll
    static void stopLanes() {
        wired.close();
    }

    @Test
    void everyOperationIdIsUnique() {
        assertThat(table.routes()).extracting(Route::operationId).doesNotHaveDuplicates();
    }

    @Test
    void everyMethodAndPathPairIsUnique() {
        assertThat(table.routes()).extracting(route -> route.method() + " " + route.path())
                .doesNotHaveDuplicates();
    }

    @Test
    void everyRouteIsUnderCallingAndHasAHandlerAndASuccessStatus() {
        assertThat(table.routes()).isNotEmpty().allSatisfy(route -> {
            assertThat(route.path().toString()).startsWith("/calling/");
            assertThat(route.operation()).isNotNull();
            assertThat(route.method()).isIn("GET", "POST", "PUT", "PATCH", "DELETE");
            assertThat(route.successStatus()).isBetween(200, 204);
        });
    }

    @Test
    void theSuccessStatusesAreTheOnesTheSdksRequire() {
        Map<String, Integer> required = Map.of(
                "CreateCall", 201, "AnswerCall", 200, "RedirectCall", 204, "RejectCall", 204, "Connect", 200,
                "CallConnection_GetCall", 200, "CallConnection_HangupCall", 204,
                "CallConnection_TerminateCall", 204, "CallConnection_TransferToParticipant", 202,
                "CallConnection_AddParticipant", 202);

        required.forEach((operationId, status) -> assertThat(table.routes())
                .filteredOn(route -> route.operationId().equals(operationId))
                .singleElement()
                .extracting(Route::successStatus).as(operationId).isEqualTo(status));
    }

    @Test
    void bareTemplatesAreTriedFirstSoAGetDoesNotTryEveryAction() {
        List<Route> routes = table.routes();
        int lastBare = -1;
        int firstAction = routes.size();
        for (int i = 0; i < routes.size(); i++) {
            if (routes.get(i).path().hasAction()) {
                firstAction = Math.min(firstAction, i);
            } else {
                lastBare = i;
            }
        }
        assertThat(lastBare).isLessThan(firstAction);
    }

    @Test
    void everyRouteIsFoundAtItsOwnPathWhateverTheOrder() {
        assertThat(table.routes()).allSatisfy(route -> {
            String path = route.path().toString().replace("{participantRawId}", "8:acs:r_alice")
                    .replaceAll("\\{[A-Za-z]+}", "id-1");

            assertThat(table.find(route.method(), path).route()).as("%s %s", route.method(), path).isSameAs(route);
        });
    }

    @Test
    void terminateWinsOverTheBareCallPath() {
        RouteTable.Match match = table.find("POST", "/calling/callConnections/abc:terminate");

        assertThat(match.route().operationId()).isEqualTo("CallConnection_TerminateCall");
        assertThat(match.variables()).containsExactly(entry("callConnectionId", "abc"));
    }

    @Test
    void theBareCallPathIsGetCallAndHangUp() {
        assertThat(table.find("GET", "/calling/callConnections/abc").route().operationId())
                .isEqualTo("CallConnection_GetCall");
        assertThat(table.find("DELETE", "/calling/callConnections/abc").route().operationId())
                .isEqualTo("CallConnection_HangupCall");
        assertThat(table.find("GET", "/calling/callConnections/abc").variables())
                .containsExactly(entry("callConnectionId", "abc"));
    }

    @Test
    void collectionActionsAreTheirOwnOperations() {
        assertThat(table.find("POST", "/calling/callConnections").route().operationId()).isEqualTo("CreateCall");
        assertThat(table.find("POST", "/calling/callConnections:answer").route().operationId())
                .isEqualTo("AnswerCall");
        assertThat(table.find("POST", "/calling/callConnections:reject").route().operationId())
                .isEqualTo("RejectCall");
        assertThat(table.find("POST", "/calling/callConnections:redirect").route().operationId())
                .isEqualTo("RedirectCall");
        assertThat(table.find("POST", "/calling/callConnections:connect").route().operationId())
                .isEqualTo("Connect");
    }

    @Test
    void participantActionsMatchOnTheLiteralParticipantsSegment() {
        RouteTable.Match add = table.find("POST", CALL + "/participants:add");

        assertThat(add.route().operationId()).isEqualTo("CallConnection_AddParticipant");
        assertThat(add.variables()).containsExactly(entry("callConnectionId",
                "411f0b00-aaaa-bbbb-cccc-000000000001"));
        assertThat(table.find("POST", CALL + "/participants:remove").route().operationId())
                .isEqualTo("CallConnection_RemoveParticipant");
        assertThat(table.find("POST", CALL + "/participants:cancelAddParticipant").route().operationId())
                .isEqualTo("CallConnection_CancelAddParticipant");
        assertThat(table.find("GET", CALL + "/participants").route().operationId())
                .isEqualTo("CallConnection_GetParticipants");
    }

    @Test
    void getParticipantDecodesJavaAndJavaScriptRawIdsAlike() {
        RouteTable.Match java = table.find("GET", CALL + "/participants/4:+14255550123");
        RouteTable.Match js = table.find("GET", CALL + "/participants/4%3A%2B14255550123");

        assertThat(java.route().operationId()).isEqualTo("CallConnection_GetParticipant");
        assertThat(js.route()).isSameAs(java.route());
        assertThat(java.variables()).containsEntry("participantRawId", "4:+14255550123");
        assertThat(js.variables()).isEqualTo(java.variables());
    }

    @Test
    void aWrongMethodOnAKnownPathIs405() {
        assertStatus("PUT", "/calling/callConnections/abc", 405);
        assertStatus("GET", "/calling/callConnections:answer", 405);
        assertStatus("DELETE", "/calling/callConnections", 405);
        assertStatus("GET", CALL + "/participants:add", 405);
        assertStatus("POST", CALL + "/participants/4:+14255550123", 405);
    }

    @Test
    void theMethodIsMatchedExactly() {
        assertStatus("get", "/calling/callConnections/abc", 405);
    }

    @Test
    void anUnknownPathIs404() {
        assertStatus("GET", "/calling/nothing", 404);
        assertStatus("POST", "/calling/callConnections:frobnicate", 404);
        assertStatus("GET", CALL + "/participants/4:+1/extra", 404);
        assertStatus("GET", "/calling/callConnections/", 404);
        assertStatus("GET", "/", 404);
        assertStatus("GET", "", 404);
    }

    @Test
    void theRefusalsUseTheCatalogue() {
        assertThatThrownBy(() -> table.find("PUT", "/calling/callConnections/abc"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("MethodNotAllowed");
                    assertThat(e.getMessage()).contains("/calling/callConnections/abc", "PUT");
                });
        assertThatThrownBy(() -> table.find("GET", "/calling/nothing"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("NotFound");
                    assertThat(e.getMessage()).contains("/calling/nothing");
                });
    }

    @Test
    void anOperationTheEmulatorLacksAnswers501NotImplemented() {
        RouteTable.Match dialog = table.find("PUT", CALL + "/dialogs/dialog-1");

        assertThat(dialog.route().operationId()).isEqualTo("CallDialog_StartDialog");
        assertThatThrownBy(() -> dialog.route().operation().handle(null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(501);
                    assertThat(e.code()).isEqualTo("NotImplemented");
                    assertThat(e.getMessage()).contains("CallDialog_StartDialog");
                });
    }

    @Test
    void everyOperationTheEmulatorLacksIsMarkedSoAndAnswers501() {
        assertThat(table.routes()).filteredOn(RouteTable::isImplemented).extracting(Route::operationId)
                .contains("CreateCall", "AnswerCall", "CallConnection_TerminateCall",
                        "CallConnection_GetParticipant", "CallConnection_CancelAddParticipant", "CallMedia_Play",
                        "CallMedia_Recognize", "CallRecording_StartRecording", "CallRecording_GetRecordingResult")
                .doesNotContain("CallDialog_StartDialog", "CallDialog_StopDialog");
        assertThat(table.routes()).filteredOn(route -> !RouteTable.isImplemented(route)).isNotEmpty()
                .allSatisfy(route -> assertThatThrownBy(() -> route.operation().handle(null))
                        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(501)));
    }

    @Test
    void recordingActionsMatchTheirOwnTemplates() {
        assertThat(table.find("POST", "/calling/recordings/rec-1:pause").route().operationId())
                .isEqualTo("CallRecording_PauseRecording");
        assertThat(table.find("POST", "/calling/recordings/rec-1:resume").variables())
                .containsExactly(entry("recordingId", "rec-1"));
        assertThat(table.find("DELETE", "/calling/recordings/rec-1").route().operationId())
                .isEqualTo("CallRecording_StopRecording");
        assertThat(table.find("POST", "/calling/recordings").route().operationId())
                .isEqualTo("CallRecording_StartRecording");
    }

    @Test
    void anUnknownActionOnACallConnectionIs404NotAnotherMethodOfTheBarePath() {
        assertStatus("POST", CALL + ":tpyo", 404);
        assertStatus("GET", CALL + ":tpyo", 404);
        assertStatus("DELETE", "/calling/recordings/rec-1:tpyo", 404);
    }

    @Test
    void anUnknownParticipantsActionIs404() {
        assertStatus("POST", CALL + "/participants:tpyo", 404);
    }

    @Test
    void aKnownActionWithTheWrongMethodIsStill405() {
        assertStatus("GET", CALL + ":terminate", 405);
        assertStatus("DELETE", CALL + "/participants:add", 405);
    }

    @Test
    void anUnencodedAcsUserRawIdStillFindsTheParticipant() {
        String rawId = "8:acs:0a5e0000-ca11-4a7e-8000-000000000001_alice";

        RouteTable.Match match = table.find("GET", CALL + "/participants/" + rawId);

        assertThat(match.route().operationId()).isEqualTo("CallConnection_GetParticipant");
        assertThat(match.variables()).containsEntry("participantRawId", rawId);
    }

    @Test
    void anEncodedColonInACallConnectionIdIsPartOfTheId() {
        assertThat(table.find("GET", "/calling/callConnections/abc%3Atpyo").variables())
                .containsExactly(entry("callConnectionId", "abc:tpyo"));
    }

    @Test
    void previewOperationsOfAcceptedApiVersionsAnswer501() {
        assertNotImplemented("PUT", CALL + "/dialogs/dialog-1", "CallDialog_StartDialog");
        assertNotImplemented("PATCH", CALL + "/dialogs/dialog-1", "CallDialog_UpdateDialog");
    }

    @Test
    void theBuiltRoutesAreTheOnesTheHandlerGroupsDeclare() {
        List<String> declared = new java.util.ArrayList<>();
        wired.calls.routes().forEach(route -> declared.add(route.operationId()));
        wired.participants.routes().forEach(route -> declared.add(route.operationId()));
        wired.media.routes().forEach(route -> declared.add(route.operationId()));
        wired.recordings.routes().forEach(route -> declared.add(route.operationId()));
        wired.transcriptions.routes().forEach(route -> declared.add(route.operationId()));
        wired.streaming.routes().forEach(route -> declared.add(route.operationId()));

        assertThat(table.routes()).filteredOn(Route::isImplemented).extracting(Route::operationId)
                .containsExactlyInAnyOrderElementsOf(declared);
    }

    private static void assertNotImplemented(String method, String rawPath, String operationId) {
        Route route = table.find(method, rawPath).route();

        assertThat(route.operationId()).as("%s %s", method, rawPath).isEqualTo(operationId);
        assertThat(route.isImplemented()).as(operationId).isFalse();
        assertThatThrownBy(() -> route.operation().handle(null)).as(operationId)
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(501));
    }

    private static void assertStatus(String method, String rawPath, int status) {
        assertThatThrownBy(() -> table.find(method, rawPath)).as("%s %s", method, rawPath)
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(status));
    }
}
