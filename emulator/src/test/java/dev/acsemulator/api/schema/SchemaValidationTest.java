package dev.acsemulator.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.acsemulator.api.schema.ValidationMode.REQUEST_LENIENT;
import static dev.acsemulator.api.schema.ValidationMode.REQUEST_STRICT;
import static dev.acsemulator.api.schema.ValidationMode.RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Request and response validation; bodies are the ones the official SDKs were captured sending (sdk-wire-facts.md §5).
 */
class SchemaValidationTest {

    private static final String JAVA = "2023-03-06";
    private static final String JS = "2026-03-12";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String U1 = "8:acs:11111111-1111-1111-1111-111111111111_00000000-0000-0000-0000-000000000001";

    // sdk-wire-facts.md §5.1: Java 1.0.4 (api-version 2023-03-06)
    private static final String JAVA_CREATE_CALL =
            "{\"targets\":[{\"rawId\":\"" + U1 + "\",\"communicationUser\":{\"id\":\"" + U1 + "\"}}],"
                    + "\"callbackUri\":\"https://app.example/api/callbacks\"}";
    private static final String JAVA_CREATE_CALL_PSTN =
            "{\"targets\":[{\"rawId\":\"4:+14255550123\",\"phoneNumber\":{\"value\":\"+14255550123\"}}],"
                    + "\"sourceCallerIdNumber\":{\"value\":\"+18005550100\"},\"sourceDisplayName\":\"Contoso Bot\","
                    + "\"operationContext\":\"ctx-create-pstn\",\"callbackUri\":\"https://app.example/api/callbacks\"}";
    private static final String JAVA_CREATE_GROUP_CALL =
            "{\"targets\":[{\"rawId\":\"" + U1 + "\",\"communicationUser\":{\"id\":\"" + U1 + "\"}},"
                    + "{\"rawId\":\"4:+14255550123\",\"phoneNumber\":{\"value\":\"+14255550123\"}}],"
                    + "\"sourceCallerIdNumber\":{\"value\":\"+18005550100\"},\"sourceDisplayName\":\"Contoso Group\","
                    + "\"operationContext\":\"ctx-group\",\"callbackUri\":\"https://app.example/api/callbacks\"}";
    // sdk-wire-facts.md §5.2: JS 1.6.0 (api-version 2026-03-12)
    private static final String JS_CREATE_CALL =
            "{\"targets\":[{\"kind\":\"communicationUser\",\"rawId\":\"" + U1 + "\",\"communicationUser\":{\"id\":\"" + U1 + "\"}}],"
                    + "\"callbackUri\":\"https://app.example/api/callbacks\"}";
    private static final String JS_CREATE_CALL_PSTN =
            "{\"targets\":[{\"kind\":\"phoneNumber\",\"rawId\":\"4:+14255550123\",\"phoneNumber\":{\"value\":\"+14255550123\",\"isAnonymous\":false}}],"
                    + "\"sourceCallerIdNumber\":{\"value\":\"+18005550100\",\"isAnonymous\":false},\"sourceDisplayName\":\"Contoso Bot\","
                    + "\"operationContext\":\"ctx-create-pstn\",\"callbackUri\":\"https://app.example/api/callbacks\","
                    + "\"callIntelligenceOptions\":{\"cognitiveServicesEndpoint\":\"https://cog.example/\"}}";
    private static final String JS_ADD_PARTICIPANT =
            "{\"participantToAdd\":{\"kind\":\"communicationUser\",\"rawId\":\"U2\",\"communicationUser\":{\"id\":\"U2\"}},"
                    + "\"invitationTimeoutInSeconds\":30,\"operationContext\":\"ctx-add\",\"operationCallbackUri\":\"https://app.example/op-cb\","
                    + "\"customCallingContext\":{\"voipHeaders\":{\"voip-key\":\"voip-value\"},\"sipHeaders\":{}}}";

    private static SchemaRegistry registry;

    @BeforeAll
    static void load() {
        registry = SchemaRegistry.loadFromClasspath();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static List<SchemaViolation> validate(String version, String definition, String body, ValidationMode mode) {
        return registry.validate(version, definition, json(body), mode);
    }

    @ParameterizedTest
    @EnumSource(ValidationMode.class)
    void theJavaSdkCreateCallBodiesAreValidFor20230306InEveryMode(ValidationMode mode) {
        for (String body : List.of(JAVA_CREATE_CALL, JAVA_CREATE_CALL_PSTN, JAVA_CREATE_GROUP_CALL)) {
            assertThat(validate(JAVA, "CreateCallRequest", body, mode)).as(body).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(ValidationMode.class)
    void theJsSdkCreateCallBodiesAreValidFor20260312InEveryMode(ValidationMode mode) {
        for (String body : List.of(JS_CREATE_CALL, JS_CREATE_CALL_PSTN)) {
            assertThat(validate(JS, "CreateCallRequest", body, mode)).as(body).isEmpty();
        }
        assertThat(validate(JS, "AddParticipantRequest", JS_ADD_PARTICIPANT, mode)).isEmpty();
    }

    @Test
    void aJsBodyPinnedTo20230306PassesLenientlyButStrictNamesTheFieldsThatVersionLacks() {
        assertThat(validate(JAVA, "CreateCallRequest", JS_CREATE_CALL_PSTN, REQUEST_LENIENT)).isEmpty();
        assertThat(validate(JAVA, "CreateCallRequest", JS_CREATE_CALL_PSTN, REQUEST_STRICT))
                .extracting(SchemaViolation::message)
                .containsExactlyInAnyOrder(
                        "The field 'callIntelligenceOptions' is not allowed.",
                        "The field 'sourceCallerIdNumber.isAnonymous' is not allowed.",
                        "The field 'targets[0].phoneNumber.isAnonymous' is not allowed.");
    }

    @ParameterizedTest
    @ValueSource(strings = {JAVA, JS})
    void aMissingTargetsIsReported(String version) {
        assertThat(validate(version, "CreateCallRequest", "{\"callbackUri\":\"https://app.example/cb\"}", REQUEST_LENIENT))
                .containsExactly(new SchemaViolation("/targets", "The field 'targets' is required."));
    }

    @ParameterizedTest
    @ValueSource(strings = {JAVA, JS})
    void aMissingCallbackUriIsReported(String version) {
        assertThat(validate(version, "CreateCallRequest", "{\"targets\":[]}", REQUEST_LENIENT))
                .containsExactly(new SchemaViolation("/callbackUri", "The field 'callbackUri' is required."));
    }

    @Test
    void anEmptyBodyReportsEveryRequiredField() {
        assertThat(validate(JS, "CreateCallRequest", "{}", REQUEST_LENIENT)).extracting(SchemaViolation::message)
                .containsExactly("The field 'callbackUri' is required.", "The field 'targets' is required.");
    }

    @ParameterizedTest
    @ValueSource(strings = {JAVA, JS})
    void anInvitationTimeoutAbove180IsReported(String version) {
        String body = "{\"participantToAdd\":{\"rawId\":\"" + U1 + "\",\"communicationUser\":{\"id\":\"" + U1 + "\"}},"
                + "\"invitationTimeoutInSeconds\":181}";
        assertThat(validate(version, "AddParticipantRequest", body, REQUEST_LENIENT)).containsExactly(
                new SchemaViolation("/invitationTimeoutInSeconds", "'invitationTimeoutInSeconds' must be at most 180."));
    }

    @Test
    void anInvitationTimeoutOf180IsAccepted() {
        String body = "{\"participantToAdd\":{\"rawId\":\"x\"},\"invitationTimeoutInSeconds\":180}";
        assertThat(validate(JS, "AddParticipantRequest", body, REQUEST_STRICT)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {JAVA, JS})
    void targetsGivenAsAStringIsReportedAsAWrongType(String version) {
        assertThat(validate(version, "CreateCallRequest",
                "{\"targets\":\"8:acs:someone\",\"callbackUri\":\"https://app.example/cb\"}", REQUEST_LENIENT))
                .containsExactly(new SchemaViolation("/targets", "'targets' must be an array."));
    }

    @Test
    void anUnknownFieldPassesLenientAndFailsStrict() {
        String body = "{\"targets\":[],\"callbackUri\":\"https://app.example/cb\",\"somethingNew\":true}";
        assertThat(validate(JS, "CreateCallRequest", body, REQUEST_LENIENT)).isEmpty();
        assertThat(validate(JS, "CreateCallRequest", body, REQUEST_STRICT))
                .containsExactly(new SchemaViolation("/somethingNew", "The field 'somethingNew' is not allowed."));
    }

    @Test
    void nestedViolationsNameTheFieldByItsPathFromTheBody() {
        String body = "{\"recognizeInputType\":\"dtmf\",\"recognizeOptions\":{\"dtmfOptions\":"
                + "{\"interToneTimeoutInSeconds\":0,\"stopTones\":[\"hash\"]}}}";
        assertThat(validate(JS, "RecognizeRequest", body, REQUEST_LENIENT)).containsExactly(
                new SchemaViolation("/recognizeOptions/dtmfOptions/interToneTimeoutInSeconds",
                        "'recognizeOptions.dtmfOptions.interToneTimeoutInSeconds' must be at least 1."),
                new SchemaViolation("/recognizeOptions/dtmfOptions/stopTones/0",
                        "'recognizeOptions.dtmfOptions.stopTones[0]' must be one of: zero, one, two, three, four, five, six, "
                                + "seven, eight, nine, a, b, c, d, pound, asterisk."),
                new SchemaViolation("/recognizeOptions/targetParticipant",
                        "The field 'recognizeOptions.targetParticipant' is required."));
    }

    @Test
    void anEnumValueOutsideTheSpecIsReportedWithTheAllowedValues() {
        assertThat(validate(JS, "RejectCallRequest", "{\"incomingCallContext\":\"ctx\",\"callRejectReason\":\"later\"}", REQUEST_LENIENT))
                .containsExactly(new SchemaViolation("/callRejectReason", "'callRejectReason' must be one of: none, busy, forbidden."));
    }

    @ParameterizedTest
    @EnumSource(value = ValidationMode.class, names = {"REQUEST_LENIENT", "REQUEST_STRICT"})
    void anExtensibleEnumValueIsAcceptedInAnyCaseInRequests(ValidationMode mode) {
        String body = "{\"targets\":[],\"callbackUri\":\"https://app.example/cb\",\"mediaStreamingOptions\":{"
                + "\"transportUrl\":\"wss://ws.example/\",\"transportType\":\"websocket\",\"contentType\":\"Audio\","
                + "\"audioChannelType\":\"UNMIXED\",\"audioFormat\":\"Pcm24KMono\",\"startMediaStreaming\":true}}";
        assertThat(validate(JS, "CreateCallRequest", body, mode)).isEmpty();
        assertThat(validate(JS, "RejectCallRequest", "{\"incomingCallContext\":\"ctx\",\"callRejectReason\":\"Busy\"}", mode))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ValidationMode.class, names = {"REQUEST_LENIENT", "REQUEST_STRICT"})
    void anExtensibleEnumValueOutsideTheListIsRefusedInAnyCase(ValidationMode mode) {
        assertThat(validate(JS, "RejectCallRequest", "{\"incomingCallContext\":\"ctx\",\"callRejectReason\":\"BUSYISH\"}", mode))
                .containsExactly(new SchemaViolation("/callRejectReason", "'callRejectReason' must be one of: none, busy, forbidden."));
        assertThat(validate(JS, "RejectCallRequest", "{\"incomingCallContext\":\"ctx\",\"callRejectReason\":\"xbusy\"}", mode))
                .extracting(SchemaViolation::pointer).containsExactly("/callRejectReason");
    }

    @Test
    void aResponseMustSpellAnExtensibleEnumValueExactly() {
        String body = "{\"callConnectionId\":\"c\",\"targets\":[],\"callConnectionState\":\"Connected\"}";
        assertThat(validate(JS, "CallConnectionProperties", body, RESPONSE)).extracting(SchemaViolation::pointer)
                .containsExactly("/callConnectionState");
        assertThat(validate(JS, "CallConnectionProperties", body.replace("Connected", "connected"), RESPONSE)).isEmpty();
    }

    @Test
    void aStrictRequestStillRefusesAnEnumValueTheVersionLacksInAnyCase() {
        String speech = "{\"recognizeInputType\":\"SPEECH\"}";
        assertThat(validate(JAVA, "RecognizeRequest", speech, REQUEST_STRICT)).extracting(SchemaViolation::pointer)
                .contains("/recognizeInputType");
        assertThat(validate(JAVA, "RecognizeRequest", "{\"recognizeInputType\":\"DTMF\"}", REQUEST_STRICT))
                .extracting(SchemaViolation::pointer).doesNotContain("/recognizeInputType");
        assertThat(validate(JS, "RecognizeRequest", speech, REQUEST_STRICT)).extracting(SchemaViolation::pointer)
                .doesNotContain("/recognizeInputType");
    }

    @Test
    void aBodyThatIsNotAnObjectIsReportedAtTheRoot() {
        assertThat(validate(JS, "CreateCallRequest", "[]", REQUEST_LENIENT))
                .containsExactly(new SchemaViolation("", "The body must be an object."));
    }

    @Test
    void aNullOptionalFieldCountsAsAbsentInRequestsButARequiredOneIsMissing() {
        assertThat(validate(JS, "CreateCallRequest",
                "{\"targets\":[],\"callbackUri\":\"https://app.example/cb\",\"operationContext\":null}", REQUEST_STRICT)).isEmpty();
        assertThat(validate(JS, "CreateCallRequest", "{\"targets\":null,\"callbackUri\":\"https://app.example/cb\"}", REQUEST_STRICT))
                .containsExactly(new SchemaViolation("/targets", "The field 'targets' is required."));
    }

    @Test
    void customCallingContextHeadersAreMapsThatAcceptAnyHeaderNameEvenStrictly() {
        String body = "{\"targetParticipant\":{\"rawId\":\"4:+14255550123\",\"phoneNumber\":{\"value\":\"+14255550123\"}},"
                + "\"customCallingContext\":{\"voipHeaders\":{\"a\":\"1\",\"b\":\"2\"},\"sipHeaders\":{\"User-To-User\":\"uui\"}}}";
        assertThat(validate(JS, "TransferToParticipantRequest", body, REQUEST_STRICT)).isEmpty();
        assertThat(validate(JS, "TransferToParticipantRequest", body.replace("\"1\"", "1"), REQUEST_STRICT))
                .containsExactly(new SchemaViolation("/customCallingContext/voipHeaders/a",
                        "'customCallingContext.voipHeaders.a' must be a string."));
    }

    @Test
    void polymorphicMediaStreamingOptionsAcceptTheWebSocketPropertiesStrictly() {
        String body = "{\"targets\":[],\"callbackUri\":\"https://app.example/cb\",\"mediaStreamingOptions\":{"
                + "\"transportUrl\":\"wss://ws.example/\",\"transportType\":\"websocket\",\"contentType\":\"audio\","
                + "\"audioChannelType\":\"mixed\",\"startMediaStreaming\":true}}";
        assertThat(validate(JS, "CreateCallRequest", body, REQUEST_STRICT)).isEmpty();
        assertThat(validate(JS, "CreateCallRequest", body.replace("\"websocket\"", "\"grpc\""), REQUEST_STRICT))
                .extracting(SchemaViolation::pointer).containsExactly("/mediaStreamingOptions/transportType");
    }

    @Test
    void aPreviewsFlatTranscriptionOptionsAreAcceptedThroughThePolymorphicBase() {
        String body = "{\"targets\":[],\"callbackUri\":\"https://app.example/cb\",\"transcriptionOptions\":{"
                + "\"transportUrl\":\"wss://ws.example/\",\"transportType\":\"websocket\",\"locale\":\"en-US\","
                + "\"speechRecognitionModelEndpointId\":\"m1\",\"startTranscription\":false}}";
        assertThat(validate("2024-11-15-preview", "CreateCallRequest", body, REQUEST_STRICT)).isEmpty();
        assertThat(validate(JS, "CreateCallRequest", body, REQUEST_STRICT)).containsExactly(new SchemaViolation(
                "/transcriptionOptions/speechRecognitionModelEndpointId",
                "The field 'transcriptionOptions.speechRecognitionModelEndpointId' is not allowed."));
    }

    @Test
    void aCallConnectionWithAMediaStreamingSubscriptionIsNotA20230306Response() {
        String body = "{\"callConnectionId\":\"411f0b00-aaaa-bbbb-cccc-000000000001\",\"targets\":[],"
                + "\"callConnectionState\":\"connecting\",\"mediaStreamingSubscription\":{\"id\":\"s1\",\"state\":\"inactive\"}}";
        assertThat(validate(JAVA, "CallConnectionProperties", body, RESPONSE)).containsExactly(
                new SchemaViolation("/mediaStreamingSubscription", "The field 'mediaStreamingSubscription' is not allowed."));
        assertThat(validate(JS, "CallConnectionProperties", body, RESPONSE)).isEmpty();
    }

    @Test
    void a20230306ResponseMustNotCarryIdentifierFieldsThatVersionLacks() {
        String body = "{\"identifier\":{\"kind\":\"phoneNumber\",\"rawId\":\"4:+14255550123\","
                + "\"phoneNumber\":{\"value\":\"+14255550123\",\"isAnonymous\":false}},\"isMuted\":false}";
        assertThat(validate(JAVA, "CallParticipant", body, RESPONSE)).containsExactly(new SchemaViolation(
                "/identifier/phoneNumber/isAnonymous", "The field 'identifier.phoneNumber.isAnonymous' is not allowed."));
        assertThat(validate(JS, "CallParticipant", body, RESPONSE)).isEmpty();
    }

    @Test
    void anEnumValueTheVersionLacksIsRejectedInResponsesOnly() {
        String event = "{\"callConnectionId\":\"c\",\"recognitionType\":\"speech\",\"speechResult\":{\"speech\":\"hi\"}}";
        assertThat(validate(JAVA, "RecognizeCompleted", event, RESPONSE)).extracting(SchemaViolation::message)
                .containsExactlyInAnyOrder("'recognitionType' must be one of: dtmf.", "The field 'speechResult' is not allowed.");
        assertThat(validate("2023-10-15", "RecognizeCompleted", event, RESPONSE)).isEmpty();
    }

    @Test
    void anEventTheVersionDoesNotHaveIsReportedAsAbsent() {
        String event = "{\"callConnectionId\":\"c\",\"invitationId\":\"inv-1\"}";
        assertThat(validate(JAVA, "CancelAddParticipantSucceeded", event, RESPONSE)).containsExactly(
                new SchemaViolation("", "'CancelAddParticipantSucceeded' does not exist in api-version 2023-03-06."));
        assertThat(validate(JS, "CancelAddParticipantSucceeded", event, RESPONSE)).isEmpty();
    }

    @Test
    void resultInformationSipDetailsAppearOnlyFrom20260312() {
        String event = "{\"callConnectionId\":\"c\",\"resultInformation\":{\"code\":487,\"subCode\":0,\"message\":\"x\","
                + "\"sipDetails\":{\"code\":487,\"message\":\"Request Terminated\"}}}";
        assertThat(validate("2025-06-15", "AddParticipantFailed", event, RESPONSE)).containsExactly(new SchemaViolation(
                "/resultInformation/sipDetails", "The field 'resultInformation.sipDetails' is not allowed."));
        assertThat(validate(JS, "AddParticipantFailed", event, RESPONSE)).isEmpty();
    }

    @Test
    void aWellFormedUnknownVersionIsValidatedAsTheNewestStable() {
        assertThat(validate("2030-01-01", "CreateCallRequest", JS_CREATE_CALL_PSTN, REQUEST_STRICT)).isEmpty();
    }

    @Test
    void anUnknownDefinitionOrMalformedVersionIsACallerError() {
        assertThatThrownBy(() -> validate(JS, "NoSuchModel", "{}", RESPONSE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NoSuchModel");
        assertThatThrownBy(() -> validate("latest", "CreateCallRequest", "{}", RESPONSE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latest");
    }

    @Test
    void theServedSchemaDocumentHasNoSwaggerOnlyKeywords() {
        for (ValidationMode mode : ValidationMode.values()) {
            String doc = registry.schemaDocument(JS, mode).toString();
            assertThat(doc).doesNotContain("\"x-ms-", "\"discriminator\"", "\"readOnly\"", "\"format\"", "common.json",
                    "\"" + ExtensibleEnums.MARK + "\"");
        }
    }
}
