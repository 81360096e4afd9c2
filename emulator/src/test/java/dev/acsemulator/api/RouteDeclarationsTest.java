package dev.acsemulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A route line that does not fit the spec table stops the table from being built, and says what is wrong. */
class RouteDeclarationsTest {

    private static final String CALL = "/calling/callConnections/{callConnectionId}";
    private static final Operation HANDLER = request -> CompletableFuture.completedFuture(Operation.Result.empty());

    @Test
    void anOperationIdNoApiVersionHasIsNamed() {
        assertRefused(List.of(Route.post(CALL + ":frobnicate", "CallMedia_Frobnicate", 202, HANDLER)),
                "CallMedia_Frobnicate is declared but is no operation of any accepted api-version");
    }

    @Test
    void aStatusOtherThanTheSpecsIsNamedWithTheSpecs() {
        assertRefused(List.of(Route.post(CALL + ":play", "CallMedia_Play", 200, HANDLER)),
                "CallMedia_Play is declared as POST " + CALL + ":play 200, but api-version 2026-03-12 has POST "
                        + CALL + ":play 202");
    }

    @Test
    void aPathOrMethodOtherThanTheSpecsIsNamed() {
        assertRefused(List.of(Route.get(CALL + ":play", "CallMedia_Play", 202, HANDLER)),
                "CallMedia_Play is declared as GET");
        assertRefused(List.of(Route.post(CALL + ":playMedia", "CallMedia_Play", 202, HANDLER)),
                "CallMedia_Play is declared as POST " + CALL + ":playMedia 202");
    }

    @Test
    void aDefinitionTheSpecLacksIsNamed() {
        assertRefused(List.of(Route.post(CALL + ":play", "CallMedia_Play", 202, HANDLER)
                        .withBodies("PlayMediaRequest", null)),
                "CallMedia_Play names the definition PlayMediaRequest, which api-version 2026-03-12 does not have");
    }

    @Test
    void targetFieldsWithoutARequestBodyAreNamed() {
        assertRefused(List.of(Route.post(CALL + ":cancelAllMediaOperations", "CallMedia_CancelAllMediaOperations",
                        202, HANDLER).withTarget("playTo")),
                "CallMedia_CancelAllMediaOperations names target fields [playTo] but has no request body");
    }

    @Test
    void anOperationDeclaredTwiceIsNamed() {
        Route play = Route.post(CALL + ":play", "CallMedia_Play", 202, HANDLER);

        assertRefused(List.of(play, play), "CallMedia_Play is declared twice",
                "POST " + CALL + ":play is declared twice (again by CallMedia_Play)");
    }

    @Test
    void aRouteLineThatFitsTheSpecIsServedInsteadOf501() {
        Route play = Route.post(CALL + ":play", "CallMedia_Play", 202, HANDLER).withBodies("PlayRequest", null)
                .withTarget("playTo");

        RouteTable table = new RouteTable(WiredRoutes.SCHEMAS, () -> List.of(play));

        Route routed = table.find("POST", "/calling/callConnections/abc:play").route();
        assertThat(routed.isImplemented()).isTrue();
        assertThat(routed.operation()).isSameAs(HANDLER);
        assertThat(table.find("POST", "/calling/callConnections/abc:recognize").route().isImplemented()).isFalse();
    }

    private static void assertRefused(List<Route> declared, String... problems) {
        assertThatThrownBy(() -> new RouteTable(WiredRoutes.SCHEMAS, () -> declared))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll(problems);
    }
}
