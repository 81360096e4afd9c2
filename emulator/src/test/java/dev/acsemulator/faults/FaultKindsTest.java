package dev.acsemulator.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every kind of fault strikes at a declared site and reads and writes back as the same JSON. */
class FaultKindsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One fault of each kind, as a rule gives it. */
    private static final List<String> ONE_OF_EACH = List.of(
            "{\"type\":\"httpError\",\"status\":503,\"code\":\"ServiceUnavailable\",\"message\":\"Try later.\","
                    + "\"retryAfterSeconds\":2}",
            "{\"type\":\"latency\",\"delay\":{\"uniform\":[100,300]}}",
            "{\"type\":\"dropConnection\",\"reset\":true}",
            "{\"type\":\"failOutcome\",\"code\":486,\"subCode\":560486,\"message\":\"Busy.\"}",
            "{\"type\":\"dropEvent\"}",
            "{\"type\":\"delayEvent\",\"delay\":{\"lognormal\":{\"median\":200,\"sigma\":0.5}}}",
            "{\"type\":\"duplicateEvent\"}",
            "{\"type\":\"reorderEvents\",\"windowMillis\":500}",
            "{\"type\":\"failDelivery\",\"status\":0}",
            "{\"type\":\"slowDelivery\",\"delay\":{\"fixed\":1500}}",
            "{\"type\":\"refuseStream\"}",
            "{\"type\":\"dropStream\",\"afterFrames\":50}",
            "{\"type\":\"delayStreamFrames\",\"delay\":{\"fixed\":300}}");

    @Test
    void everyFaultTypeHasOneJsonLineAndTheSamplesCoverThemAll() throws Exception {
        List<Class<?>> sampled = ONE_OF_EACH.stream().map(this::read).map(Object::getClass)
                .collect(Collectors.toList());

        assertThat(FaultKinds.names()).hasSameSizeAs(FaultKinds.faultTypes()).doesNotHaveDuplicates();
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(FaultKinds.faultTypes());
    }

    @Test
    void everyFaultKindStrikesAtTheSiteOfItsGroup() {
        Map<String, Fault.Site> sites = ONE_OF_EACH.stream().map(this::read)
                .collect(Collectors.toMap(f -> f.getClass().getSimpleName(), Fault::site));

        assertThat(sites).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("HttpError", Fault.Site.OPERATION), Map.entry("Latency", Fault.Site.OPERATION),
                Map.entry("DropConnection", Fault.Site.OPERATION), Map.entry("FailOutcome", Fault.Site.OUTCOME),
                Map.entry("DropEvent", Fault.Site.EVENT), Map.entry("DelayEvent", Fault.Site.EVENT),
                Map.entry("DuplicateEvent", Fault.Site.EVENT), Map.entry("ReorderEvents", Fault.Site.EVENT),
                Map.entry("FailDelivery", Fault.Site.DELIVERY), Map.entry("SlowDelivery", Fault.Site.DELIVERY),
                Map.entry("RefuseStream", Fault.Site.STREAM), Map.entry("DropStream", Fault.Site.STREAM),
                Map.entry("DelayStreamFrames", Fault.Site.STREAM)));
        assertThat(Arrays.stream(Fault.class.getPermittedSubclasses()).map(Class::getSimpleName))
                .as("Fault permits only its site groups, so every fault is in one")
                .containsExactlyInAnyOrder("OperationFault", "OutcomeFault", "EventFault", "DeliveryFault",
                        "StreamFault");
    }

    @Test
    void everyFaultIsWrittenBackAsTheJsonItWasGivenIn() throws Exception {
        for (String given : ONE_OF_EACH) {
            JsonNode node = JSON.readTree(given);
            assertThat(FaultJson.writeFault(FaultKinds.read(node)).toString()).as(given).isEqualTo(node.toString());
        }
    }

    @Test
    void anUnknownFaultTypeIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> FaultKinds.read(JSON.readTree("{\"type\":\"corruptEvent\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown fault type 'corruptEvent'")
                .hasMessageContaining("slowDelivery");
    }

    private Fault read(String json) {
        try {
            return FaultKinds.read(JSON.readTree(json));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
