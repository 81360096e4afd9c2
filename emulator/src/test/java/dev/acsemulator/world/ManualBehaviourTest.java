package dev.acsemulator.world;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.call.Identifier;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code manual} behaviour: read and written as JSON like the others, and its reserved identities. */
class ManualBehaviourTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final BehaviourBook book = new BehaviourBook(Duration.ofMillis(500), Map.of());

    @Test
    void manualIsReadWithItsForwardingAndHangUpAndWrittenBackTheSame() throws Exception {
        Behaviour behaviour = BehaviourJson.read(MAPPER.readTree(
                "{\"response\":\"Manual\",\"hangUpAfter\":\"PT30S\",\"forwardAfter\":\"PT10S\"}"));

        assertThat(behaviour.response()).isEqualTo(Behaviour.Response.MANUAL);
        assertThat(behaviour.hangUpAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(behaviour.forwardsToVoicemail()).isTrue();
        assertThat(BehaviourJson.write(behaviour).path("response").asText()).isEqualTo("manual");
        assertThat(BehaviourJson.read(BehaviourJson.write(behaviour))).isEqualTo(behaviour);
    }

    @Test
    void theReservedManualNumberAndUserSuffixAnswerByHand() {
        assertThat(book.behaviourOf(Identifier.phoneNumber("+15550100009")).response())
                .isEqualTo(Behaviour.Response.MANUAL);
        assertThat(book.behaviourOf(Identifier.communicationUser(
                "8:acs:0a5e0000-ca11-4a7e-8000-000000000001_manual")).response()).isEqualTo(Behaviour.Response.MANUAL);
        assertThat(book.behaviourOf(Identifier.communicationUser(
                "8:acs:0a5e0000-ca11-4a7e-8000-000000000001_manually")).response())
                .as("only the exact suffix").isEqualTo(Behaviour.Response.ANSWER);
    }
}
