package dev.acsemulator.api;

import dev.acsemulator.call.Identifier;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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

    /**
     * The rules as regular expressions (how they were first written): the hand-written checks, which cost a CreateCall
     * no matcher, accept exactly the same ids.
     */
    @Test
    void theChecksAcceptExactlyWhatTheRulesRegularExpressionsAccept() {
        String idPart = "[^\\s\\p{Cntrl}]+";
        Pattern reference = Pattern.compile("8:(acs|spool|dod-acs|gcch-acs):" + idPart + "|4:\\+[0-9]{2,15}"
                + "|8:(orgid|dod|gcch|teamsvisitor):" + idPart + "|28:(orgid|dod|gcch):" + idPart);
        List<String> prefixes = List.of("8:acs:", "8:spool:", "8:dod-acs:", "8:gcch-acs:", "8:orgid:", "8:dod:",
                "8:gcch:", "8:teamsvisitor:", "28:orgid:", "28:dod:", "28:gcch:", "4:+", "4:", "8:acs", "28:acs:");
        List<String> ids = List.of("", "a", "0a5e0000_app", "a b", "a\tb", "a\u000bb", "a\u007fb", "a\u0085b",
                "Zo\u00eb-\u4f1a\u8bae", "\u00a0x", "-", "1", "12", "123456789012345", "1234567890123456",
                "1425555012x", "\u0661\u0662\u0663", "+1", ":");
        List<String> compared = new ArrayList<>();
        for (String prefix : prefixes) {
            for (String id : ids) {
                String rawId = prefix + id;
                Identifier identifier = Identifier.fromRawId(rawId);
                if (identifier.kind() == dev.acsemulator.call.IdentifierKind.UNKNOWN) {
                    continue;
                }
                assertThat(IdentifierRules.problem(identifier) == null).as("accepts %s", rawId)
                        .isEqualTo(reference.matcher(rawId).matches());
                compared.add(rawId);
            }
        }
        assertThat(compared).hasSizeGreaterThan(150);
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
