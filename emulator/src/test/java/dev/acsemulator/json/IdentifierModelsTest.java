package dev.acsemulator.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.IdentifierKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CommunicationIdentifierModel as the SDKs send it (sdk-wire-facts.md §5.1, §5.2) and need it back (§6). */
class IdentifierModelsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String U1 = "8:acs:11111111-1111-1111-1111-111111111111_00000000-0000-0000-0000-000000000001";

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static Identifier read(String text) {
        return IdentifierModels.read(json(text));
    }

    @Test
    void readsTheJavaCommunicationUserShapeWithoutKind() {
        Identifier user = read("{\"rawId\":\"" + U1 + "\",\"communicationUser\":{\"id\":\"" + U1 + "\"}}");

        assertThat(user.kind()).isEqualTo(IdentifierKind.COMMUNICATION_USER);
        assertThat(user.rawId()).isEqualTo(U1);
    }

    @Test
    void readsTheJavaPhoneNumberShapeWithoutKind() {
        Identifier phone = read("{\"rawId\":\"4:+14255550123\",\"phoneNumber\":{\"value\":\"+14255550123\"}}");

        assertThat(phone.kind()).isEqualTo(IdentifierKind.PHONE_NUMBER);
        assertThat(phone.rawId()).isEqualTo("4:+14255550123");
        assertThat(phone.phoneNumber()).isEqualTo("+14255550123");
    }

    @Test
    void readsTheJavaScriptShapesWithKindAndIsAnonymous() {
        Identifier user = read("{\"kind\":\"communicationUser\",\"rawId\":\"" + U1 + "\",\"communicationUser\":{\"id\":\""
                + U1 + "\"}}");
        Identifier phone = read("{\"kind\":\"phoneNumber\",\"rawId\":\"4:+14255550123\","
                + "\"phoneNumber\":{\"value\":\"+14255550123\",\"isAnonymous\":false}}");

        assertThat(user).isEqualTo(Identifier.communicationUser(U1));
        assertThat(user.kind()).isEqualTo(IdentifierKind.COMMUNICATION_USER);
        assertThat(phone.kind()).isEqualTo(IdentifierKind.PHONE_NUMBER);
        assertThat(phone.rawId()).isEqualTo("4:+14255550123");
    }

    @Test
    void aPhoneModelWithoutRawIdStillReads() {
        Identifier phone = read("{\"phoneNumber\":{\"value\":\"+14255550123\"}}");

        assertThat(phone.kind()).isEqualTo(IdentifierKind.PHONE_NUMBER);
        assertThat(phone.rawId()).isEqualTo("4:+14255550123");
    }

    @Test
    void aCommunicationUserModelWithoutRawIdTakesTheIdAsRawId() {
        assertThat(read("{\"communicationUser\":{\"id\":\"" + U1 + "\"}}").rawId()).isEqualTo(U1);
    }

    @ParameterizedTest
    @CsvSource({
            "8:acs:resource_user, COMMUNICATION_USER",
            "8:spool:resource_user, COMMUNICATION_USER",
            "8:gcch-acs:resource_user, COMMUNICATION_USER",
            "8:dod-acs:resource_user, COMMUNICATION_USER",
            "4:+14255550123, PHONE_NUMBER",
            "8:orgid:45ab2481-1c1c-4005-be24-0ffb879b1130, MICROSOFT_TEAMS_USER",
            "8:teamsvisitor:45ab2481-1c1c-4005-be24-0ffb879b1130, MICROSOFT_TEAMS_USER",
            "8:gcch:45ab2481-1c1c-4005-be24-0ffb879b1130, MICROSOFT_TEAMS_USER",
            "28:orgid:01234567-89ab-cdef-0123-456789abcdef, MICROSOFT_TEAMS_APP",
            "28:dod:01234567-89ab-cdef-0123-456789abcdef, MICROSOFT_TEAMS_APP",
            "something-else, UNKNOWN"
    })
    void aRawIdAloneGivesTheKindItsPrefixSays(String rawId, IdentifierKind kind) {
        Identifier identifier = read("{\"rawId\":\"" + rawId + "\"}");

        assertThat(identifier.kind()).isEqualTo(kind);
        assertThat(identifier.rawId()).isEqualTo(rawId);
    }

    @Test
    void readsATeamsUserWithItsRawId() {
        Identifier teams = read("{\"kind\":\"microsoftTeamsUser\",\"rawId\":\"8:orgid:u-1\","
                + "\"microsoftTeamsUser\":{\"userId\":\"u-1\",\"isAnonymous\":false,\"cloud\":\"public\"}}");

        assertThat(teams.kind()).isEqualTo(IdentifierKind.MICROSOFT_TEAMS_USER);
        assertThat(teams.rawId()).isEqualTo("8:orgid:u-1");
        assertThat(teams.cloud()).isEqualTo("public");
        assertThat(teams.anonymous()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "public, false, 8:orgid:u-1",
            "dod, false, 8:dod:u-1",
            "gcch, false, 8:gcch:u-1",
            "public, true, 8:teamsvisitor:u-1"
    })
    void aTeamsUserWithoutRawIdGetsTheSdksRawId(String cloud, boolean anonymous, String rawId) {
        Identifier teams = read("{\"microsoftTeamsUser\":{\"userId\":\"u-1\",\"isAnonymous\":" + anonymous
                + ",\"cloud\":\"" + cloud + "\"}}");

        assertThat(teams.kind()).isEqualTo(IdentifierKind.MICROSOFT_TEAMS_USER);
        assertThat(teams.rawId()).isEqualTo(rawId);
        assertThat(teams.anonymous()).isEqualTo(anonymous);
    }

    @ParameterizedTest
    @CsvSource({"public, 28:orgid:app-1", "gcch, 28:gcch:app-1", "dod, 28:dod:app-1"})
    void aTeamsAppWithoutRawIdGetsTheSdksRawId(String cloud, String rawId) {
        Identifier app = read("{\"kind\":\"microsoftTeamsApp\",\"microsoftTeamsApp\":{\"appId\":\"app-1\",\"cloud\":\""
                + cloud + "\"}}");

        assertThat(app.kind()).isEqualTo(IdentifierKind.MICROSOFT_TEAMS_APP);
        assertThat(app.rawId()).isEqualTo(rawId);
        assertThat(app.cloud()).isEqualTo(cloud);
    }

    @Test
    void aSubObjectWithoutItsIdFallsBackToTheRawId() {
        Identifier identifier = read("{\"rawId\":\"4:+14255550123\",\"communicationUser\":{}}");

        assertThat(identifier.kind()).isEqualTo(IdentifierKind.PHONE_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"rawId\":\"\"}", "{\"rawId\":\"  \"}", "{\"rawId\":42}", "{\"kind\":\"communicationUser\"}",
            "{\"communicationUser\":{\"id\":7}}", "{\"phoneNumber\":\"+14255550123\"}", "[]", "\"8:acs:x\"", "null"})
    void aModelThatNamesNoIdentityReadsAsNull(String text) {
        assertThat(read(text)).isNull();
    }

    @Test
    void aMissingNodeReadsAsNull() {
        assertThat(IdentifierModels.read(null)).isNull();
        assertThat(IdentifierModels.read(json("{}").get("participantToAdd"))).isNull();
    }

    @Test
    void writesACommunicationUserWithKindRawIdAndSubObject() {
        assertThat(IdentifierModels.write(Identifier.communicationUser(U1))).isEqualTo(json(
                "{\"rawId\":\"" + U1 + "\",\"kind\":\"communicationUser\",\"communicationUser\":{\"id\":\"" + U1 + "\"}}"));
    }

    @Test
    void writesAPhoneNumberWithKindRawIdAndSubObject() {
        assertThat(IdentifierModels.write(Identifier.phoneNumber("+14255550123"))).isEqualTo(json(
                "{\"rawId\":\"4:+14255550123\",\"kind\":\"phoneNumber\",\"phoneNumber\":{\"value\":\"+14255550123\"}}"));
    }

    @Test
    void writesATeamsUserWithEverythingJava104Requires() {
        assertThat(IdentifierModels.write(Identifier.fromRawId("8:gcch:u-1"))).isEqualTo(json(
                "{\"rawId\":\"8:gcch:u-1\",\"kind\":\"microsoftTeamsUser\","
                        + "\"microsoftTeamsUser\":{\"userId\":\"u-1\",\"isAnonymous\":false,\"cloud\":\"gcch\"}}"));
        assertThat(IdentifierModels.write(Identifier.fromRawId("8:teamsvisitor:v-1")).get("microsoftTeamsUser"))
                .isEqualTo(json("{\"userId\":\"v-1\",\"isAnonymous\":true,\"cloud\":\"public\"}"));
    }

    @Test
    void writesATeamsAppWithKindRawIdAndSubObject() {
        assertThat(IdentifierModels.write(Identifier.fromRawId("28:orgid:app-1"))).isEqualTo(json(
                "{\"rawId\":\"28:orgid:app-1\",\"kind\":\"microsoftTeamsApp\","
                        + "\"microsoftTeamsApp\":{\"appId\":\"app-1\",\"cloud\":\"public\"}}"));
    }

    @Test
    void writesAnUnknownIdentifierWithKindAndRawIdOnly() {
        assertThat(IdentifierModels.write(Identifier.fromRawId("something-else")))
                .isEqualTo(json("{\"rawId\":\"something-else\",\"kind\":\"unknown\"}"));
    }

    @Test
    void whatIsWrittenReadsBackAsTheSameIdentifier() {
        List<Identifier> identifiers = List.of(
                Identifier.communicationUser(U1),
                Identifier.phoneNumber("+14255550123"),
                Identifier.fromRawId("8:orgid:u-1"),
                Identifier.fromRawId("8:dod:u-2"),
                Identifier.fromRawId("8:teamsvisitor:v-1"),
                Identifier.fromRawId("28:gcch:app-1"),
                Identifier.fromRawId("something-else"));

        assertThat(identifiers).allSatisfy(identifier -> assertThat(IdentifierModels.read(
                IdentifierModels.write(identifier))).as(identifier.rawId()).usingRecursiveComparison()
                .isEqualTo(identifier));
    }

    @Test
    void thePhoneNumberAndUserSubModelsReadAndWriteOnTheirOwn() {
        assertThat(IdentifierModels.readPhoneNumber(json("{\"value\":\"+18005550100\",\"isAnonymous\":false}")))
                .isEqualTo(Identifier.phoneNumber("+18005550100"));
        assertThat(IdentifierModels.readPhoneNumber(json("{\"value\":\"\"}"))).isNull();
        assertThat(IdentifierModels.readPhoneNumber(null)).isNull();
        assertThat(IdentifierModels.readCommunicationUser(json("{\"id\":\"" + U1 + "\"}")))
                .isEqualTo(Identifier.communicationUser(U1));
        assertThat(IdentifierModels.readCommunicationUser(json("{}"))).isNull();
        assertThat(IdentifierModels.writePhoneNumber(Identifier.phoneNumber("+18005550100")))
                .isEqualTo(json("{\"value\":\"+18005550100\"}"));
        assertThat(IdentifierModels.writeCommunicationUser(Identifier.communicationUser(U1)))
                .isEqualTo(json("{\"id\":\"" + U1 + "\"}"));
    }
}
