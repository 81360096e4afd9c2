package dev.acsemulator.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-api-version table (openapi/api-versions.json) as the registry exposes it. */
class ApiVersionsTest {

    private static final List<String> STABLE =
            List.of("2023-03-06", "2023-10-15", "2024-04-15", "2024-09-15", "2025-05-15", "2025-06-15", "2026-03-12");
    private static final List<String> PREVIEWS = List.of("2023-01-15-preview", "2023-06-15-preview", "2023-10-03-preview",
            "2024-01-22-preview", "2024-06-15-preview", "2024-09-01-preview", "2024-11-15-preview", "2025-03-30-preview",
            "2025-08-15-preview");

    private static SchemaRegistry registry;

    @BeforeAll
    static void load() {
        registry = SchemaRegistry.loadFromClasspath();
    }

    @Test
    void everyReleasedStableAndKnownPreviewVersionIsInTheTable() {
        assertThat(registry.versions()).extracting(ApiVersionInfo::version)
                .containsAll(STABLE).containsAll(PREVIEWS).hasSize(STABLE.size() + PREVIEWS.size());
        STABLE.forEach(v -> assertThat(registry.version(v)).get().extracting(ApiVersionInfo::kind).isEqualTo(ApiVersionInfo.Kind.STABLE));
        PREVIEWS.forEach(v -> assertThat(registry.version(v)).get().extracting(ApiVersionInfo::isPreview).isEqualTo(true));
    }

    @Test
    void everyVersionLoadsItsSchemaBasisExistsAndItsListsNameBasisDefinitions() throws Exception {
        JsonNode error = new ObjectMapper().createObjectNode().set("error",
                new ObjectMapper().createObjectNode().put("code", "BadRequest").put("message", "m"));
        for (ApiVersionInfo v : registry.versions()) {
            assertThat(registry.schemaBases()).as(v.version()).contains(v.schemaBasis());
            JsonNode definitions = registry.schemaDocument(v.version(), ValidationMode.RESPONSE).get("definitions");
            v.absentDefinitions().forEach(d -> assertThat(definitions.has(d)).as(v.version() + " " + d).isTrue());
            v.absentProperties().keySet().forEach(d -> assertThat(definitions.has(d)).as(v.version() + " " + d).isTrue());
            v.extraProperties().keySet().forEach(d -> assertThat(definitions.has(d)).as(v.version() + " " + d).isTrue());
            assertThat(v.operations()).as(v.version()).containsKeys("CreateCall", "AnswerCall", "CallConnection_GetCall");
            for (ValidationMode mode : ValidationMode.values()) {
                assertThat(registry.validate(v.version(), "CommunicationErrorResponse", error, mode)).as(v.version()).isEmpty();
                assertThat(registry.validate(v.version(), "CallConnectionProperties",
                        new ObjectMapper().readTree("{\"callConnectionId\":\"c\",\"targets\":[],\"callConnectionState\":\"connecting\"}"),
                        mode)).as(v.version() + " " + mode).isEmpty();
            }
        }
    }

    @Test
    void theNewestStableIs20260312() {
        assertThat(registry.newestStable().version()).isEqualTo("2026-03-12");
        assertThat(registry.newestStable().schemaBasis()).isEqualTo("2026-03-12");
    }

    @Test
    void aWellFormedUnknownVersionHasNoEntryAndResolvesToTheNewestStable() {
        assertThat(registry.version("2027-01-01")).isEmpty();
        assertThat(registry.version("2027-01-01-preview")).isEmpty();
        assertThat(registry.resolve("2027-01-01")).isEqualTo(registry.newestStable());
        assertThat(registry.supportsOperation("2027-01-01", "CallConnection_MoveParticipants")).isTrue();
    }

    @Test
    void aMalformedVersionIsRejected() {
        for (String bad : new String[] {"2023-3-6", "v1", "", "2023-03-06-beta"}) {
            assertThatThrownBy(() -> registry.resolve(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> registry.resolve(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theJavaSdkVersionHasExactlyTheTwentyGa1Operations() {
        ApiVersionInfo v = registry.version("2023-03-06").orElseThrow();
        assertThat(v.operations()).hasSize(20);
        for (String missing : List.of("Connect", "CallConnection_Mute", "CallConnection_CancelAddParticipant",
                "CallMedia_Hold", "CallMedia_Unhold", "CallMedia_SendDtmfTones", "CallMedia_StartContinuousDtmfRecognition",
                "CallMedia_StartTranscription", "CallMedia_StartMediaStreaming", "CallConnection_MoveParticipants")) {
            assertThat(registry.supportsOperation("2023-03-06", missing)).as(missing).isFalse();
        }
        assertThat(v.operation("CreateCall")).get().isEqualTo(new OperationInfo("CreateCall", "POST",
                "/calling/callConnections", 201, List.of(), null));
        assertThat(v.operation("CallRecording_StartRecording")).get().extracting(OperationInfo::status).isEqualTo(200);
    }

    @Test
    void operationsArriveInTheVersionsTheSpecsAddThem() {
        assertThat(registry.supportsOperation("2023-10-15", "CallConnection_Mute")).isTrue();
        assertThat(registry.supportsOperation("2023-10-15", "CallConnection_CancelAddParticipant")).isTrue();
        assertThat(registry.supportsOperation("2024-04-15", "Connect")).isFalse();
        assertThat(registry.supportsOperation("2024-09-15", "Connect")).isTrue();
        assertThat(registry.supportsOperation("2024-09-15", "CallMedia_Hold")).isTrue();
        assertThat(registry.supportsOperation("2024-09-15", "CallMedia_StartTranscription")).isFalse();
        assertThat(registry.supportsOperation("2025-05-15", "CallMedia_StartMediaStreaming")).isTrue();
        assertThat(registry.supportsOperation("2025-06-15", "CallConnection_MoveParticipants")).isFalse();
        assertThat(registry.supportsOperation("2026-03-12", "CallConnection_MoveParticipants")).isTrue();
        assertThat(registry.supportsOperation("2026-03-12", "CallMedia_SummarizeCall")).isTrue();
        assertThat(registry.version("2026-03-12").orElseThrow().operation("CallRecording_StartRecording")).get()
                .satisfies(op -> assertThat(op.isSuccessStatus(200) && op.isSuccessStatus(202)).isTrue());
    }

    @Test
    void everyOperationUsesOneRouteAndStatusAcrossVersions() {
        Map<String, OperationInfo> newest = registry.newestStable().operations();
        for (ApiVersionInfo v : registry.versions()) {
            v.operations().forEach((id, op) -> {
                OperationInfo reference = newest.get(id);
                if (reference != null) {
                    assertThat(op.method() + " " + op.path() + " " + op.status()).as(v.version() + " " + id)
                            .isEqualTo(reference.method() + " " + reference.path() + " " + reference.status());
                }
            });
        }
    }

    @Test
    void absentPropertiesListWhatOlderVersionsLack() {
        assertThat(registry.absentProperties("2023-03-06", "CallConnectionProperties"))
                .containsExactlyInAnyOrder("mediaStreamingSubscription", "transcriptionSubscription", "answeredFor");
        assertThat(registry.absentProperties("2023-03-06", "AddParticipantRequest"))
                .containsExactlyInAnyOrder("customCallingContext", "operationCallbackUri");
        assertThat(registry.absentProperties("2023-03-06", "PhoneNumberIdentifierModel"))
                .containsExactlyInAnyOrder("isAnonymous", "assertedId");
        assertThat(registry.absentProperties("2024-09-15", "CallConnectionProperties"))
                .containsExactlyInAnyOrder("mediaStreamingSubscription", "transcriptionSubscription");
        assertThat(registry.absentProperties("2026-03-12", "CallConnectionProperties")).isEmpty();
        assertThat(registry.absentProperties("2030-01-01", "ResultInformation")).isEmpty();
    }

    @Test
    void eventTypesFollowTheVersion() {
        assertThat(registry.version("2023-03-06").orElseThrow().events()).containsExactlyInAnyOrder(
                "CallConnected", "CallDisconnected", "AddParticipantFailed", "AddParticipantSucceeded", "CallTransferAccepted",
                "CallTransferFailed", "ParticipantsUpdated", "RecordingStateChanged", "PlayCompleted", "PlayFailed",
                "PlayCanceled", "RecognizeCompleted", "RecognizeFailed", "RecognizeCanceled", "RemoveParticipantFailed",
                "RemoveParticipantSucceeded");
        assertThat(registry.version("2023-10-15").orElseThrow().events())
                .contains("CancelAddParticipantSucceeded", "ContinuousDtmfRecognitionToneReceived", "SendDtmfTonesCompleted")
                .doesNotContain("CreateCallFailed", "PlayStarted");
        assertThat(registry.version("2024-09-15").orElseThrow().events()).contains("CreateCallFailed", "AnswerFailed",
                "ConnectFailed", "HoldFailed", "PlayStarted").doesNotContain("TranscriptionStarted", "MediaStreamingStarted");
        assertThat(registry.version("2025-06-15").orElseThrow().hasEvent("StartRecordingFailed")).isTrue();
        assertThat(registry.version("2025-06-15").orElseThrow().hasEvent("MoveParticipantSucceeded")).isFalse();
        assertThat(registry.newestStable().events()).contains("MoveParticipantSucceeded", "MoveParticipantFailed",
                "TranscriptionCallSummaryUpdated", "IncomingCall");
    }
}
