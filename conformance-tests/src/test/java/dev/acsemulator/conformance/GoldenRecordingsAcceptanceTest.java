package dev.acsemulator.conformance;

import dev.acsemulator.conformance.golden.GoldenComparator;
import dev.acsemulator.conformance.golden.GoldenReplay;
import dev.acsemulator.conformance.golden.GoldenScenario;
import dev.acsemulator.conformance.golden.KnownDifferences;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden suite: each scenario distilled from the Azure SDK live tests' recordings of the real service
 * ({@code src/test/resources/golden/}) is replayed against the emulator with the recorded test's requests, and the
 * callbacks compared per connection ({@link GoldenComparator}). The differences found must be exactly the scenario's
 * ledger of known differences ({@link KnownDifferences}): a fix makes the scenario fail until its ledger entry is
 * removed. When the emulator answers one of the recorded requests with another status, that is the difference, and
 * the scenario stops there: the rest of its actions cannot run.
 */
class GoldenRecordingsAcceptanceTest extends ConformanceTest {

    @TestFactory
    Stream<DynamicTest> theEmulatorDiffersFromEachRecordingOnlyAsItsLedgerSays() {
        return GoldenScenario.all().stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
            GoldenReplay.Outcome outcome = new GoldenReplay(scenario, http, receiver).play();
            List<String> events = GoldenComparator.differences(scenario.recorded(), outcome.observed());
            List<String> found = outcome.refusedAction() != null ? List.of(outcome.refusedAction()) : events;
            assertThat(KnownDifferences.of(scenario).verdict(found))
                    .as(outcome.refusedAction() == null ? "ledger check" : "ledger check; the callbacks until the"
                            + " refusal differed so:\n  " + String.join("\n  ", events))
                    .isEmpty();
        }));
    }
}
