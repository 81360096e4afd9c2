package dev.acsemulator.api;

import dev.acsemulator.call.Identifier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Raw ids are checked per identifier kind (issue 14, finding 7). */
class IdentifierRulesTest {

    private static String problem(String rawId) {
        return IdentifierRules.problem(Identifier.fromRawId(rawId));
    }

    @Test
    void theIdsTheSdksSendAreAccepted() {
        assertThat(problem("8:acs:0a5e0000-ca11-4a7e-8000-000000000001_00000020-1234-5678-9abc-def012345678")).isNull();
        assertThat(problem("8:spool:0a5e0000_app")).isNull();
        assertThat(problem("4:+14255550123")).isNull();
        assertThat(problem("8:orgid:4e7b2f4c-1234-4d5e-8f9a-0123456789ab")).isNull();
        assertThat(problem("8:teamsvisitor:visitor-1")).isNull();
        assertThat(problem("28:orgid:4e7b2f4c-1234-4d5e-8f9a-0123456789ab")).isNull();
    }

    @Test
    void theProbesMalformedIdsAreRefusedWithAReason() {
        assertThat(problem("::::")).contains("no known identifier prefix");
        assertThat(problem("8:acs:")).contains("not a well-formed communicationUser id");
        assertThat(problem("4:+1425555012x")).contains("not a well-formed phoneNumber id");
        assertThat(problem("8:acs:a b")).isNotNull();
        assertThat(problem("8:acs:a\u0000b")).isNotNull();
        assertThat(problem("8:acs:" + "x".repeat(10_000))).contains("10006 characters long");
    }

    @Test
    void aRefusedIdIsA400NamingTheFieldButNotRepeatingTheId() {
        String huge = "8:acs:" + "x".repeat(10_000);

        assertThatThrownBy(() -> IdentifierRules.require(Identifier.communicationUser(huge), "targets[0]"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("8523");
                    assertThat(e.getMessage()).contains("'targets[0]'").hasSizeLessThan(300);
                });
    }
}
