package dev.acsemulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.api.schema.ApiVersionInfo;
import dev.acsemulator.api.schema.SchemaRegistry;
import dev.acsemulator.api.schema.ValidationMode;
import dev.acsemulator.call.CustomHeaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Event Grid side channel: IncomingCall, in the Event Grid schema and in the CloudEvents schema, validates against
 * the IncomingCall model of every api-version that has it and against the envelope's published schema; the
 * SubscriptionValidation handshake event against Event Grid's own definitions.
 */
class EventGridEventSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant TIME = Instant.parse("2025-06-17T17:18:11.654988500Z");
    private static final String TOPIC = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
            + "acs-emulator/providers/Microsoft.Communication/communicationServices/acs-emulator";
    private static final String EVENT_ID = "d5546be8-227a-4db8-b2c3-4f06fd675fd6";

    private static SchemaRegistry registry;
    private static EventGridEventWriter writer;

    @BeforeAll
    static void load() {
        registry = SchemaRegistry.loadFromClasspath();
        writer = new EventGridEventWriter(JSON, TOPIC);
    }

    /** A phone caller reaching an ACS user, with the custom headers of the spec's incoming_call example. */
    private static IncomingCallEvent fromAPhoneWithCustomHeaders() {
        return new IncomingCallEvent(SampleCallEvents.USER, SampleCallEvents.PHONE, "+14255550123",
                SampleCallEvents.SERVER_CALL_ID, "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJjYyI6IkgzNHNJQUFBIn0.",
                "068b6e61-21c3-45ff-a2fd-2aa161224762",
                new CustomHeaders(Map.of("userToUser", "616d617a6f6e5f6368696;encoding=hex",
                        "X-MS-Custom-myheader1", "35567842"), Map.of("customHeader", "customValue")));
    }

    /** The same call from an ACS user, with no display name and no custom headers. */
    private static IncomingCallEvent fromAUserWithoutHeaders() {
        return new IncomingCallEvent(SampleCallEvents.PHONE, SampleCallEvents.USER, null,
                SampleCallEvents.SERVER_CALL_ID, "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJjYyI6IkgzNHNJQUFBIn0.",
                "068b6e61-21c3-45ff-a2fd-2aa161224762", CustomHeaders.NONE);
    }

    /** The same call from an ACS user whose request carried an empty customCallingContext, as the SDKs' adds do. */
    private static IncomingCallEvent fromAUserWithAnEmptyCustomCallingContext() {
        return new IncomingCallEvent(SampleCallEvents.PHONE, SampleCallEvents.USER, null,
                SampleCallEvents.SERVER_CALL_ID, "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJjYyI6IkgzNHNJQUFBIn0.",
                "068b6e61-21c3-45ff-a2fd-2aa161224762", new CustomHeaders(Map.of(), Map.of()));
    }

    @Test
    void incomingCallMatchesTheModelOfEveryVersionThatHasItInBothEnvelopes() throws IOException {
        List<String> violations = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        for (ApiVersionInfo version : registry.versions()) {
            if (!version.hasEvent("IncomingCall")) {
                continue;
            }
            versions.add(version.version());
            for (IncomingCallEvent event : List.of(fromAPhoneWithCustomHeaders(), fromAUserWithoutHeaders(),
                    fromAUserWithAnEmptyCustomCallingContext())) {
                JsonNode eventGrid = JSON.readTree(writer.incomingCall(event, EVENT_ID, TIME));
                JsonNode cloudEvent = JSON.readTree(writer.incomingCallCloudEvent(event, EVENT_ID, TIME));
                String where = "IncomingCall in " + version.version() + " from " + event.from().rawId() + ": ";
                if (!eventGrid.isArray() || eventGrid.size() != 1) {
                    violations.add(where + "the Event Grid body is not a one-element array");
                    continue;
                }
                EnvelopeSchemas.violations(EnvelopeSchemas.EVENT_GRID_EVENT, eventGrid.get(0))
                        .forEach(v -> violations.add(where + "Event Grid envelope " + v));
                EnvelopeSchemas.violations(EnvelopeSchemas.CLOUD_EVENT, cloudEvent)
                        .forEach(v -> violations.add(where + "CloudEvents envelope " + v));
                for (JsonNode data : List.of(eventGrid.get(0).path("data"), cloudEvent.path("data"))) {
                    registry.validate(version.version(), "IncomingCall", data, ValidationMode.RESPONSE)
                            .forEach(v -> violations.add(where + "data" + v.pointer() + " " + v.message()));
                }
            }
        }
        assertThat(versions).contains("2026-03-12");
        assertThat(violations).as("(event, api-version, violation)").isEmpty();
    }

    @Test
    void incomingCallNamesCallerAndRecipientAsEventGridDoes() throws IOException {
        JsonNode event = JSON.readTree(writer.incomingCall(fromAPhoneWithCustomHeaders(), EVENT_ID, TIME)).get(0);

        assertThat(event.path("eventType").asText()).isEqualTo("Microsoft.Communication.IncomingCall");
        assertThat(event.path("subject").asText()).isEqualTo("/caller/4:+14255550123/recipient/"
                + SampleCallEvents.USER.rawId());
        assertThat(event.path("topic").asText()).isEqualTo(TOPIC);
        assertThat(event.path("dataVersion").asText()).isEqualTo("1.0");
        assertThat(event.path("metadataVersion").asText()).isEqualTo("1");
        assertThat(event.at("/data/customContext/sipHeaders/userToUser").asText())
                .isEqualTo("616d617a6f6e5f6368696;encoding=hex");
    }

    @Test
    void aCallerWithoutADisplayNameIsSentAnEmptyOneAndNoCustomContextWhenTheRequestHadNone() throws IOException {
        JsonNode data = JSON.readTree(writer.incomingCall(fromAUserWithoutHeaders(), EVENT_ID, TIME)).get(0).path("data");

        assertThat(data.has("callerDisplayName")).as(data.toString()).isTrue();
        assertThat(data.path("callerDisplayName").asText()).isEmpty();
        assertThat(data.has("customContext")).as(data.toString()).isFalse();
    }

    @Test
    void anEmptyCustomCallingContextBecomesAnEmptyCustomContext() throws IOException {
        JsonNode data = JSON.readTree(writer.incomingCallCloudEvent(fromAUserWithAnEmptyCustomCallingContext(),
                EVENT_ID, TIME)).path("data");

        assertThat(data.path("customContext")).isEqualTo(JSON.readTree("{\"sipHeaders\":{},\"voipHeaders\":{}}"));
    }

    @Test
    void theSubscriptionValidationEventMatchesEventGridsDefinitions() throws IOException {
        JsonNode body = JSON.readTree(writer.subscriptionValidation(EVENT_ID, "512d38b6-c7b8-40c8-89fe-f46f9e9622b6",
                "https://127.0.0.1:8443/eventgrid/validate?code=512d38b6", TIME));

        assertThat(body).hasSize(1);
        JsonNode event = body.get(0);
        assertThat(EnvelopeSchemas.violations(EnvelopeSchemas.EVENT_GRID_EVENT, event)).isEmpty();
        assertThat(EnvelopeSchemas.violations(EnvelopeSchemas.SUBSCRIPTION_VALIDATION_DATA, event.path("data")))
                .isEmpty();
        assertThat(event.path("eventType").asText()).isEqualTo("Microsoft.EventGrid.SubscriptionValidationEvent");
    }

    @Test
    void theEnvelopeSchemasRejectAnEventWithoutItsRequiredFields() throws IOException {
        JsonNode incomplete = JSON.readTree("{\"id\":\"x\",\"data\":{}}");

        assertThat(EnvelopeSchemas.violations(EnvelopeSchemas.EVENT_GRID_EVENT, incomplete))
                .anySatisfy(v -> assertThat(v).contains("eventType"));
        assertThat(EnvelopeSchemas.violations(EnvelopeSchemas.CLOUD_EVENT, incomplete))
                .anySatisfy(v -> assertThat(v).contains("specversion"));
    }
}
