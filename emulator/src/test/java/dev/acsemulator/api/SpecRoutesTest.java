package dev.acsemulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks openapi/api-versions.json itself (not the emulator's reading of it): every operation of every accepted
 * api-version has a route with its method, path and success status, except where the table records that an older
 * api-version disagrees with the newest one that has the operation.
 */
class SpecRoutesTest {

    private static WiredRoutes wired;
    private static JsonNode apiVersions;

    @BeforeAll
    static void wireAndRead() throws IOException {
        wired = new WiredRoutes();
        try (InputStream in = SpecRoutesTest.class.getClassLoader().getResourceAsStream("openapi/api-versions.json")) {
            apiVersions = new ObjectMapper().readTree(in);
        }
    }

    @AfterAll
    static void stop() {
        wired.close();
    }

    @Test
    void everyOperationOfEveryAcceptedApiVersionHasItsRoute() {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (JsonNode version : apiVersions.path("versions")) {
            String name = version.path("version").asText();
            for (Map.Entry<String, JsonNode> operation : version.path("operations").properties()) {
                checked++;
                String operationId = operation.getKey();
                JsonNode spec = operation.getValue();
                Optional<Route> route = wired.table.routes().stream()
                        .filter(candidate -> candidate.operationId().equals(operationId)).findFirst();
                if (route.isEmpty()) {
                    missing.add("(" + name + ", " + operationId + ") has no route");
                    continue;
                }
                String wanted = spec.path("method").asText() + " " + spec.path("path").asText() + " "
                        + spec.path("status").asInt();
                String routed = route.get().method() + " " + route.get().path() + " " + route.get().successStatus();
                if (!wanted.equals(routed) && !recordedAsDisagreement(name, operationId)) {
                    missing.add("(" + name + ", " + operationId + ") is routed as " + routed + ", the spec has "
                            + wanted);
                }
            }
        }
        assertThat(checked).as("operations walked").isGreaterThan(400);
        assertThat(missing).as("operations of accepted api-versions without their route").isEmpty();
    }

    @Test
    void everyRouteIsAnOperationOfSomeAcceptedApiVersion() {
        List<String> operationIds = new ArrayList<>();
        apiVersions.path("versions").forEach(version -> version.path("operations").fieldNames()
                .forEachRemaining(operationIds::add));

        assertThat(wired.table.routes()).extracting(Route::operationId).allSatisfy(id ->
                assertThat(operationIds).as("api-versions.json operationIds").contains(id));
    }

    @Test
    void anOperationAnAcceptedApiVersionLacksIsStillRoutedForTheVersionsThatHaveIt() {
        Route unmute = wired.table.find("POST", "/calling/callConnections/abc/participants:unmute").route();

        assertThat(wired.table.spec().operation(unmute.operationId()).orElseThrow().versions())
                .containsExactly("2023-10-03-preview", "2024-09-01-preview");
    }

    private static boolean recordedAsDisagreement(String version, String operationId) {
        return wired.table.spec().disagreements().stream().anyMatch(disagreement ->
                disagreement.version().equals(version) && disagreement.theirs().operationId().equals(operationId));
    }
}
