package dev.acsemulator.conformance.golden;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger of a scenario ({@code golden/known-differences/<scenario>.json}): every difference from the recording
 * the emulator is known to have today, each with a one-line reason. A scenario passes only when the differences found
 * are exactly these, so a fix fails the scenario until its entry is removed, and a regression fails it at once.
 */
public record KnownDifferences(String scenario, Map<String, String> reasons) {

    public static KnownDifferences of(GoldenScenario scenario) {
        JsonNode ledger = GoldenScenario.readResource(
                GoldenScenario.FOLDER + "/known-differences/" + scenario.name() + ".json");
        Map<String, String> reasons = new LinkedHashMap<>();
        for (JsonNode entry : ledger.path("differences")) {
            String previous = reasons.put(entry.path("difference").asText(), entry.path("reason").asText());
            if (previous != null) {
                throw new IllegalStateException(scenario + " ledger lists twice: " + entry.path("difference"));
            }
            if (entry.path("reason").asText().isBlank()) {
                throw new IllegalStateException(scenario + " ledger entry without a reason: " + entry);
            }
        }
        return new KnownDifferences(scenario.name(), reasons);
    }

    /** Empty when the differences found are exactly the ledger; otherwise what to do about each mismatch. */
    public String verdict(List<String> found) {
        List<String> unexpected = new ArrayList<>(found);
        unexpected.removeAll(reasons.keySet());
        List<String> gone = new ArrayList<>(reasons.keySet());
        gone.removeAll(found);
        if (unexpected.isEmpty() && gone.isEmpty()) {
            return "";
        }
        StringBuilder message = new StringBuilder(scenario)
                .append(" no longer matches its ledger of known differences (").append(GoldenScenario.FOLDER)
                .append("/known-differences/").append(scenario).append(".json).\n");
        if (!unexpected.isEmpty()) {
            message.append("New differences from the recording (a regression, or a difference to add to the ledger"
                    + " with its reason):\n");
            unexpected.forEach(d -> message.append("  + ").append(d).append('\n'));
        }
        if (!gone.isEmpty()) {
            message.append("Ledger entries no longer found (the emulator now matches the recording here: remove"
                    + " them from the ledger):\n");
            gone.forEach(d -> message.append("  - ").append(d).append("   [").append(reasons.get(d)).append("]\n"));
        }
        return message.toString();
    }
}
