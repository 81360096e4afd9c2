package dev.acsemulator.conformance;

import dev.acsemulator.conformance.support.EmulatorUnderTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.Emulator;
import dev.acsemulator.config.EmulatorConfig;
import dev.acsemulator.conformance.support.SignedHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The strict modes restore the real service's rules that the emulator relaxes by default (DEVIATIONS 1, 4). */
class StrictModesAcceptanceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static Emulator strict;
    private static SignedHttp http;

    @BeforeAll
    static void startStrictEmulator() {
        strict = Emulator.start(EmulatorConfig.builder().httpsPort(0).httpPort(-1)
                .dataDir(EmulatorUnderTest.emulator().config().dataDir())
                .strictCallbackUris(true).strictApiVersion(true).strictRequests(true).build());
        http = new SignedHttp(strict);
    }

    @AfterAll
    static void stop() {
        strict.close();
    }

    private static JsonNode error(HttpResponse<String> response) throws Exception {
        return MAPPER.readTree(response.body()).path("error");
    }

    private static String createCall(String callbackUri, String extra) {
        return "{\"targets\":[{\"rawId\":\"8:acs:x\",\"communicationUser\":{\"id\":\"8:acs:x\"}}],"
                + "\"callbackUri\":\"" + callbackUri + "\"" + extra + "}";
    }

    @Test
    void aPlainHttpCallbackIsTheServicesInvalidCallbackUriError() throws Exception {
        HttpResponse<String> response = http.send("POST", "/calling/callConnections?api-version=2023-03-06",
                createCall("http://127.0.0.1:9/cb", ""));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).path("message").asText()).isEqualTo("The field CallbackUri is invalid.");
    }

    @Test
    void anUnknownApiVersionIsRejected() throws Exception {
        HttpResponse<String> response = http.send("GET", "/calling/callConnections/x?api-version=2099-01-01", null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).path("code").asText()).isEqualTo("UnsupportedApiVersion");
    }

    @Test
    void anUnknownBodyFieldIsRejected() throws Exception {
        HttpResponse<String> response = http.send("POST", "/calling/callConnections?api-version=2026-03-12",
                createCall("https://app.example/cb", ",\"surprise\":1"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).path("message").asText()).contains("surprise");
    }
}
