package dev.acsemulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OlderFieldNamesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String JANUARY = "2023-01-15-preview";

    @Test
    void aJanuary2023RecognizePromptOfThePreviewsShapeGetsTodaysNames() throws Exception {
        assertThat(renamed(JANUARY, "RecognizeRequest", "{\"recognizeInputType\":\"dtmf\",\"playPrompt\":"
                + "{\"sourceType\":\"text\",\"textSource\":{\"text\":\"Press one\"},\"playSourceId\":\"p\"}}"))
                .isEqualTo("{\"recognizeInputType\":\"dtmf\",\"playPrompt\":{\"kind\":\"text\","
                        + "\"playSourceCacheId\":\"p\",\"text\":{\"text\":\"Press one\"}}}");
    }

    @Test
    void aJanuary2023PlaySourceInfoBecomesAListOfOnePlaySource() throws Exception {
        assertThat(renamed(JANUARY, "PlayRequest", "{\"playSourceInfo\":{\"sourceType\":\"file\",\"fileSource\":"
                + "{\"uri\":\"https://example.org/a.wav\"}},\"playTo\":[]}"))
                .isEqualTo("{\"playTo\":[],\"playSources\":[{\"kind\":\"file\",\"file\":"
                        + "{\"uri\":\"https://example.org/a.wav\"}}]}");
    }

    @Test
    void theJune2023TopLevelCognitiveServicesEndpointJoinsTheCallIntelligenceOptionsGiven() throws Exception {
        assertThat(renamed("2023-06-15-preview", "AnswerCallRequest", "{\"callbackUri\":\"https://app/cb\","
                + "\"cognitiveServicesEndpoint\":\"https://ai.example\",\"callIntelligenceOptions\":{}}"))
                .isEqualTo("{\"callbackUri\":\"https://app/cb\",\"callIntelligenceOptions\":"
                        + "{\"cognitiveServicesEndpoint\":\"https://ai.example\"}}");
    }

    @Test
    void otherVersionsAndOtherRequestsKeepTheirFieldsAsSent() throws Exception {
        String create = "{\"sourceIdentity\":{\"id\":\"8:acs:a\"},\"cognitiveServicesEndpoint\":\"https://ai\"}";
        String dtmf = "{\"targetParticipant\":{\"rawId\":\"8:acs:a\"},\"customContext\":{}}";

        assertThat(renamed("2023-10-03-preview", "CreateCallRequest", create)).isEqualTo(create);
        assertThat(renamed(JANUARY, "ContinuousDtmfRecognitionRequest", dtmf)).isEqualTo(dtmf);
    }

    @Test
    void aFieldUnderBothNamesIsRefusedNamingBoth() throws Exception {
        JsonNode body = MAPPER.readTree("{\"playSourceInfo\":{\"kind\":\"file\",\"sourceType\":\"file\"}}");

        assertThatThrownBy(() -> OlderFieldNames.rename(JANUARY, "PlayRequest", body))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("give playSourceInfo.kind or its older name "
                            + "playSourceInfo.sourceType, not both.");
                });
    }

    private static String renamed(String apiVersion, String definition, String body) throws Exception {
        JsonNode node = MAPPER.readTree(body);
        OlderFieldNames.rename(apiVersion, definition, node);
        return node.toString();
    }
}
