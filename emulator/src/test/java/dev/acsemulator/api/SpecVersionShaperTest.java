package dev.acsemulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.api.schema.SchemaRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies narrowed to the api-version asked, at every depth the spec's {@code $ref}s reach. 2023-03-06 lacks
 * {@code CallParticipant.isOnHold}, the Teams app identifier and CallTransferAccepted's target and transferee;
 * 2025-05-15 lacks {@code PhoneNumberIdentifierModel.isAnonymous} and {@code assertedId}; 2026-03-12 has them all.
 */
class SpecVersionShaperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PHONE = "{\"rawId\":\"4:+14255550123\",\"kind\":\"phoneNumber\","
            + "\"phoneNumber\":{\"value\":\"+14255550123\",\"isAnonymous\":false,\"assertedId\":\"+14255550100\"}}";
    private static final String TEAMS_APP = "{\"rawId\":\"28:orgid:9a1c2f60-1b2d-4e3f-8a9b-0c1d2e3f4a5b\","
            + "\"kind\":\"microsoftTeamsApp\",\"microsoftTeamsApp\":{\"appId\":\"9a1c2f60-1b2d-4e3f-8a9b-0c1d2e3f4a5b\","
            + "\"cloud\":\"public\"}}";

    private static SpecVersionShaper shaper;

    @BeforeAll
    static void load() {
        shaper = new SpecVersionShaper(SchemaRegistry.loadFromClasspath());
    }

    @Test
    void aPropertyThreeModelsDeepIsRemovedWhereTheVersionLacksIt() throws IOException {
        String participants = "{\"value\":[{\"identifier\":" + PHONE + ",\"isMuted\":false,\"isOnHold\":false}]}";

        JsonNode older = response("2025-05-15", "GetParticipantsResponse", participants);
        JsonNode newest = response("2026-03-12", "GetParticipantsResponse", participants);

        assertThat(older.at("/value/0/identifier/phoneNumber").toString()).isEqualTo("{\"value\":\"+14255550123\"}");
        assertThat(newest.at("/value/0/identifier/phoneNumber/isAnonymous").isBoolean()).isTrue();
        assertThat(newest.at("/value/0/identifier/phoneNumber/assertedId").asText()).isEqualTo("+14255550100");
    }

    @Test
    void aModelReachedOnlyThroughTheSpecsReferencesIsShaped() throws IOException {
        String call = "{\"callConnectionId\":\"421f3500-43b3-4a0b-9e7e-1a6b5e2e4f01\",\"sourceCallerIdNumber\":"
                + "{\"value\":\"+18005550100\",\"isAnonymous\":false}}";

        JsonNode shaped = response("2025-05-15", "CallConnectionProperties", call);

        assertThat(shaped.at("/sourceCallerIdNumber").toString()).isEqualTo("{\"value\":\"+18005550100\"}");
    }

    @Test
    void identifiersInArraysLoseTheKindsTheVersionLacks() throws IOException {
        String call = "{\"callConnectionId\":\"421f3500-43b3-4a0b-9e7e-1a6b5e2e4f01\",\"targets\":[" + TEAMS_APP
                + "," + PHONE + "]}";

        JsonNode shaped = response("2023-03-06", "CallConnectionProperties", call);

        assertThat(shaped.at("/targets/0/microsoftTeamsApp").isMissingNode()).isTrue();
        assertThat(shaped.at("/targets/0/rawId").asText()).startsWith("28:orgid:");
        assertThat(shaped.at("/targets/1/phoneNumber").toString()).isEqualTo("{\"value\":\"+14255550123\"}");
    }

    @Test
    void theAddedParticipantIsShapedAsACallParticipant() throws IOException {
        String added = "{\"participant\":{\"identifier\":" + PHONE + ",\"isMuted\":false,\"isOnHold\":false},"
                + "\"operationContext\":\"add-pstn\",\"invitationId\":\"b0f1c2d3-4e5f-4a6b-8c7d-9e0f1a2b3c4d\"}";

        JsonNode shaped = response("2023-03-06", "AddParticipantResponse", added);

        assertThat(shaped.at("/participant/isOnHold").isMissingNode()).isTrue();
        assertThat(shaped.at("/participant/isMuted").isBoolean()).isTrue();
        assertThat(shaped.has("invitationId")).as("AddParticipantResponse.invitationId came in 2023-10-15").isFalse();
    }

    @Test
    void anEventKeepsTheFieldsEveryEventCarriesAndLosesTheOthersItsVersionLacks() throws IOException {
        ObjectNode accepted = (ObjectNode) JSON.readTree("{\"callConnectionId\":\"c\",\"serverCallId\":\"s\","
                + "\"correlationId\":\"k\",\"operationContext\":\"transfer\",\"resultInformation\":{\"code\":200,"
                + "\"subCode\":7015,\"message\":\"The call was transferred.\"},\"transferTarget\":" + PHONE
                + ",\"transferee\":" + PHONE + ",\"version\":\"2023-03-06\","
                + "\"publicEventType\":\"Microsoft.Communication.CallTransferAccepted\"}");
        ObjectNode updated = (ObjectNode) JSON.readTree("{\"callConnectionId\":\"c\",\"resultInformation\":"
                + "{\"code\":200,\"subCode\":0,\"message\":\"\"},\"sequenceNumber\":2,\"participants\":[{\"identifier\":"
                + PHONE + ",\"isMuted\":true,\"isOnHold\":true}],\"version\":\"2023-03-06\"}");

        shaper.shapeEvent("2023-03-06", "CallTransferAccepted", accepted);
        shaper.shapeEvent("2023-03-06", "ParticipantsUpdated", updated);

        assertThat(accepted.has("transferTarget")).isFalse();
        assertThat(accepted.has("transferee")).isFalse();
        assertThat(accepted.path("resultInformation").path("subCode").asInt()).isEqualTo(7015);
        assertThat(accepted.path("publicEventType").asText()).endsWith("CallTransferAccepted");
        assertThat(updated.has("resultInformation")).as("absent from the 2023-03-06 model, sent anyway").isTrue();
        assertThat(updated.at("/participants/0/isOnHold").isMissingNode()).isTrue();
        assertThat(updated.at("/participants/0/identifier/phoneNumber").toString())
                .isEqualTo("{\"value\":\"+14255550123\"}");
    }

    @Test
    void anUnknownWellFormedVersionIsShapedAsTheNewestStable() throws IOException {
        String participants = "{\"value\":[{\"identifier\":" + PHONE + ",\"isMuted\":false,\"isOnHold\":true}]}";

        assertThat(response("2099-01-01", "GetParticipantsResponse", participants))
                .isEqualTo(JSON.readTree(participants));
    }

    private static JsonNode response(String apiVersion, String definition, String body) throws IOException {
        ObjectNode node = (ObjectNode) JSON.readTree(body);
        shaper.shapeResponse(apiVersion, definition, node);
        return node;
    }
}
