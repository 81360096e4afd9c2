package dev.acsemulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.api.SpecVersionShaper;
import dev.acsemulator.api.schema.ApiVersionInfo;
import dev.acsemulator.api.schema.SchemaRegistry;
import dev.acsemulator.api.schema.ValidationMode;
import dev.acsemulator.call.event.CallEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every callback event type, written by its writer for every api-version that has it, validates against that
 * version's event model and against the CloudEvents 1.0 schema; a version that lacks an event type never gets it.
 */
class CallbackEventSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant TIME = Instant.parse("2025-06-17T17:18:11.654988500Z");

    /**
     * Fields the emulator sends on every event although the version's model may lack them: {@code version} and
     * {@code publicEventType} always, {@code resultInformation} and {@code operationContext} where the model lacks
     * them (DEVIATIONS.md 5). Everything else must be in the model.
     */
    private static final Set<String> SENT_BEYOND_THE_MODEL = Set.of("resultInformation", "operationContext");

    private static SchemaRegistry registry;
    private static CloudEventWriter writer;

    @BeforeAll
    static void load() {
        registry = SchemaRegistry.loadFromClasspath();
        writer = new CloudEventWriter(JSON, new SpecVersionShaper(registry));
    }

    @Test
    void everyEventTypeHasExactlyOneWriterAndASample() {
        List<Class<?>> types = Arrays.asList(CallEvent.class.getPermittedSubclasses());
        assertThat(EventFieldWriters.types()).as("event types with a writer")
                .containsExactlyInAnyOrderElementsOf(types.stream().map(t -> t.asSubclass(CallEvent.class)).toList());
        assertThat(types).as("event types without a sample in SampleCallEvents")
                .filteredOn(type -> SampleCallEvents.of(type, "2026-03-12").isEmpty())
                .isEmpty();
    }

    @Test
    void everyEventWrittenForAVersionThatHasItMatchesThatVersionsModelAndTheCloudEventsSchema() throws IOException {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (ApiVersionInfo version : registry.versions()) {
            for (Class<?> type : CallEvent.class.getPermittedSubclasses()) {
                if (!version.hasEvent(type.getSimpleName())) {
                    continue;
                }
                CallEvent event = SampleCallEvents.of(type, version.version()).orElseThrow();
                assertThat(writer.existsInVersion(event)).as("%s in %s", type.getSimpleName(), version.version())
                        .isTrue();
                violations.addAll(violationsOf(event, version.version()));
                checked++;
            }
        }
        assertThat(checked).as("(event, version) pairs checked").isGreaterThan(200);
        assertThat(violations).as("(event, api-version, violation)").isEmpty();
    }

    @Test
    void aVersionThatLacksAnEventTypeNeverGetsIt() {
        List<String> lacking = new ArrayList<>();
        for (ApiVersionInfo version : registry.versions()) {
            for (Class<?> type : CallEvent.class.getPermittedSubclasses()) {
                if (!version.hasEvent(type.getSimpleName())) {
                    CallEvent event = SampleCallEvents.of(type, version.version()).orElseThrow();
                    assertThat(writer.existsInVersion(event)).as("%s in %s", type.getSimpleName(), version.version())
                            .isFalse();
                    lacking.add(type.getSimpleName() + " in " + version.version());
                }
            }
        }
        assertThat(lacking).contains("CreateCallFailed in 2023-03-06", "MoveParticipantSucceeded in 2025-06-15",
                "CancelAddParticipantFailed in 2023-03-06");
    }

    @Test
    void anEventWrittenWithoutShapingForAnOlderVersionIsCaught() throws IOException {
        CloudEventWriter unshaped = new CloudEventWriter(JSON, VersionShaper.NONE);
        CallEvent accepted = SampleCallEvents.of(CallEvent.CallTransferAccepted.class, "2023-03-06").orElseThrow();
        JsonNode body = JSON.readTree(unshaped.write(accepted, "id-1", TIME));

        assertThat(dataViolations(body.get(0), "2023-03-06")).anySatisfy(v -> assertThat(v).contains("transferTarget"));
    }

    @Test
    void theCloudEventCarriesTheTypeTheConnectionAndTheServicesTimeFormat() throws IOException {
        CallEvent event = SampleCallEvents.of(CallEvent.CallConnected.class, "2025-06-15").orElseThrow();
        JsonNode body = JSON.readTree(writer.write(event, "5dd1b5b8-7c4c-4b14-9d8b-0e9cd6d4c3a1", TIME));

        assertThat(body.isArray()).isTrue();
        assertThat(body).hasSize(1);
        JsonNode cloudEvent = body.get(0);
        assertThat(cloudEvent.path("type").asText()).isEqualTo("Microsoft.Communication.CallConnected");
        assertThat(cloudEvent.path("source").asText()).isEqualTo("calling/callConnections/"
                + SampleCallEvents.CALL_CONNECTION_ID);
        assertThat(cloudEvent.path("subject").asText()).isEqualTo(cloudEvent.path("source").asText());
        assertThat(cloudEvent.path("time").asText()).isEqualTo("2025-06-17T17:18:11.6549885+00:00");
        assertThat(cloudEvent.path("data").path("version").asText()).isEqualTo("2025-06-15");
        assertThat(cloudEvent.path("data").path("publicEventType").asText())
                .isEqualTo("Microsoft.Communication.CallConnected");
    }

    private static List<String> violationsOf(CallEvent event, String apiVersion) throws IOException {
        String where = event.typeName() + " in " + apiVersion + ": ";
        List<String> found = new ArrayList<>();
        JsonNode body = JSON.readTree(writer.write(event, "5dd1b5b8-7c4c-4b14-9d8b-0e9cd6d4c3a1", TIME));
        if (!body.isArray() || body.size() != 1) {
            return List.of(where + "the body is not a one-element array: " + body);
        }
        JsonNode cloudEvent = body.get(0);
        EnvelopeSchemas.violations(EnvelopeSchemas.CLOUD_EVENT, cloudEvent)
                .forEach(v -> found.add(where + "CloudEvents envelope " + v));
        if (!cloudEvent.path("type").asText().equals(CloudEventWriter.TYPE_PREFIX + event.typeName())) {
            found.add(where + "type is " + cloudEvent.path("type"));
        }
        dataViolations(cloudEvent, apiVersion).forEach(v -> found.add(where + v));
        return found;
    }

    /** The violations of the event's {@code data} against the api-version's model of its type. */
    private static List<String> dataViolations(JsonNode cloudEvent, String apiVersion) {
        String type = cloudEvent.path("type").asText().substring(CloudEventWriter.TYPE_PREFIX.length());
        ObjectNode data = cloudEvent.path("data").deepCopy();
        List<String> found = new ArrayList<>();
        if (!data.path("version").asText().equals(apiVersion)) {
            found.add("data.version is " + data.path("version"));
        }
        data.remove(List.of("version", "publicEventType"));
        if (type.equals("RecordingStateChanged")) {
            // The real service adds eventSource (its source) to RecordingStateChanged though no model has it
            // (call-automation-behaviour.md §2.22).
            data.remove("eventSource");
        }
        for (String field : SENT_BEYOND_THE_MODEL) {
            if (registry.absentProperties(apiVersion, type).contains(field)) {
                data.remove(field);
            }
        }
        registry.validate(apiVersion, type, data, ValidationMode.RESPONSE)
                .forEach(v -> found.add("data" + v.pointer() + " " + v.message()));
        return found;
    }
}
