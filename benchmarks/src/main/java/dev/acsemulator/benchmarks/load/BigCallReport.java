package dev.acsemulator.benchmarks.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.List;
import java.util.Map;

import static dev.acsemulator.benchmarks.load.Report.fmt;

/**
 * The big-call part of the report (issue #14): the other calls' REST p50/p99 without and with a 350-participant
 * call, round by round, and the big call's events and their delivery rate; and the target, that the big call keeps
 * the other calls' REST p99 within the spread of the windows without it.
 */
final class BigCallReport {

    private BigCallReport() {
    }

    /**
     * The big call's effect is the median over rounds of the other calls' REST p99 in its window minus their p99 in
     * the window just before it, without it (paired, so the machine's load drifts less between the two); the spread
     * is how far the windows without it differ among themselves in the same run (highest minus lowest p99). PASS when
     * the effect is within the spread and every big call completed.
     */
    static Report.Target target(List<BigCall.BigCallResult> rounds) {
        String name = "Other calls' REST p99: rise beside a 350-participant call (median of paired rounds) vs the "
                + "spread without it";
        if (rounds.isEmpty()) {
            return new Report.Target(name, "-", "-", "-", "within the spread", false, false);
        }
        double effect = LoadBenchmark.Results.median(rounds.stream()
                .map(r -> r.withBigCall().restP99() - r.quiet().restP99()).toList());
        double lowest = rounds.stream().mapToDouble(r -> r.quiet().restP99()).min().orElse(-1);
        double highest = rounds.stream().mapToDouble(r -> r.quiet().restP99()).max().orElse(-1);
        double spread = highest - lowest;
        boolean complete = rounds.stream().allMatch(BigCall.BigCallResult::complete);
        return new Report.Target(name, fmt(effect / 1000, 2) + " ms",
                "spread " + fmt(spread / 1000, 2) + " ms (p99 " + fmt(lowest / 1000, 2) + "–" + fmt(highest / 1000, 2)
                        + " ms without it)", spread <= 0 ? "-" : fmt(effect / spread, 2) + "× the spread",
                "≤ the spread, every big call complete", complete && effect <= spread, true);
    }

    /** The emulator's CPU time for one big call alone, in total and per event. */
    static String aloneLine(double cpuSeconds, BigCall.BigCallResult alone, int warmups,
                            Map<String, Double> byThread) {
        if (alone == null) {
            return "";
        }
        StringBuilder threads = new StringBuilder();
        byThread.forEach((kind, seconds) -> threads.append(threads.isEmpty() ? " By thread: " : ", ").append(kind)
                .append(' ').append(fmt(seconds, 2)).append(" s"));
        return "\nOne big call alone (nothing else running, after " + warmups + " to warm up): " + alone.events()
                + " events ("
                + alone.rosterEvents() + " rosters, " + fmt(alone.bytes() / 1048576.0, 1) + " MiB), ended "
                + fmt(alone.endedAfterSeconds(), 2) + " s after its CreateCall; the emulator used "
                + fmt(cpuSeconds, 2) + " s of CPU for it (" + fmt(cpuSeconds * 1e6 / Math.max(1, alone.events()), 0)
                + " µs per event, JIT and collections included)." + threads + (threads.isEmpty() ? "" : ".")
                + "\n";
    }

    static String markdown(List<BigCall.BigCallResult> rounds) {
        if (rounds.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n## A 350-participant call beside other calls\n\n"
                + "Each round: a window of the other calls' steady load alone, then a window of the same load while one "
                + "call grows to its participants (each person answers at once; each answer sends the whole roster in a "
                + "ParticipantsUpdated) and is terminated. REST latencies of the other calls in microseconds; the big "
                + "call's events are every callback it caused (CallConnected, AddParticipantSucceeded, "
                + "ParticipantsUpdated, CallDisconnected), counted and sized at the webhook; its rate is events over the "
                + "time from its CreateCall to its CallDisconnected.\n\n"
                + "| round | other calls | p50 without | p99 without | p50 with | p99 with | big call events "
                + "(rosters) | MiB | largest body | adds done at | ended at | events/s | MiB/s | complete | load |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        int round = 1;
        for (BigCall.BigCallResult r : rounds) {
            md.append("| ").append(round++).append(" | ").append(fmt(r.quiet().offered(), 0)).append(' ')
                    .append(r.quiet().unit()).append(" | ").append(fmt(r.quiet().restP50(), 0)).append(" | ")
                    .append(fmt(r.quiet().restP99(), 0)).append(" | ").append(fmt(r.withBigCall().restP50(), 0))
                    .append(" | ").append(fmt(r.withBigCall().restP99(), 0)).append(" | ").append(r.events())
                    .append(" (").append(r.rosterEvents()).append(") | ").append(fmt(r.bytes() / 1048576.0, 1))
                    .append(" | ").append(fmt(r.largestBodyBytes() / 1024.0, 0)).append(" KiB | ")
                    .append(fmt(r.lastAddSucceededAfterSeconds(), 2)).append(" s | ")
                    .append(fmt(r.endedAfterSeconds(), 2)).append(" s | ").append(fmt(r.eventsPerSecond(), 0))
                    .append(" | ").append(fmt(r.mibPerSecond(), 1)).append(" | ")
                    .append(r.complete() ? "yes" : "no (" + String.valueOf(r.firstError()).replace('|', '/') + ")")
                    .append(" | ").append(fmt(r.quiet().machineLoad(), 1)).append('/')
                    .append(fmt(r.withBigCall().machineLoad(), 1)).append(" |\n");
        }
        return md.toString();
    }

    static ArrayNode json(ObjectMapper mapper, List<BigCall.BigCallResult> rounds) {
        return mapper.valueToTree(rounds);
    }

    static String html(List<BigCall.BigCallResult> rounds) {
        if (rounds.isEmpty()) {
            return "";
        }
        StringBuilder page = new StringBuilder("<h2>A 350-participant call beside other calls</h2><table><tr>"
                + "<th>round</th><th>REST p99 without (µs)</th><th>REST p99 with (µs)</th><th>big call events</th>"
                + "<th>events/s</th><th>complete</th></tr>");
        int round = 1;
        for (BigCall.BigCallResult r : rounds) {
            page.append("<tr><td>").append(round++).append("</td><td>").append(fmt(r.quiet().restP99(), 0))
                    .append("</td><td>").append(fmt(r.withBigCall().restP99(), 0)).append("</td><td>")
                    .append(r.events()).append("</td><td>").append(fmt(r.eventsPerSecond(), 0)).append("</td><td>")
                    .append(r.complete() ? "yes" : "no").append("</td></tr>");
        }
        return page.append("</table>").toString();
    }
}
