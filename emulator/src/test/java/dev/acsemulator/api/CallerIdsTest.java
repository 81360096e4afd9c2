package dev.acsemulator.api;

import dev.acsemulator.call.Identifier;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A resource that owns numbers may call out only from them; one that owns none may call from any. */
class CallerIdsTest {

    private final CallerIds owning = new CallerIds(Set.of("+18005550100"));

    @Test
    void aCallerIdTheResourceOwnsPasses() {
        assertThatCode(() -> owning.checkOwned(Identifier.phoneNumber("+18005550100"))).doesNotThrowAnyException();
    }

    @Test
    void aCallerIdTheResourceDoesNotOwnIs403With7507NamingIt() {
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> owning.checkOwned(Identifier.phoneNumber("+14255550199")));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("7507");
        assertThat(refused.getMessage()).contains("+14255550199");
    }

    @Test
    void aResourceThatOwnsNoNumbersAcceptsAnyCallerId() {
        assertThatCode(() -> new CallerIds(Set.of()).checkOwned(Identifier.phoneNumber("+14255550199")))
                .doesNotThrowAnyException();
    }

    @Test
    void noCallerIdIsLeftToTheHandlerToRequire() {
        assertThatCode(() -> owning.checkOwned(null)).doesNotThrowAnyException();
    }
}
