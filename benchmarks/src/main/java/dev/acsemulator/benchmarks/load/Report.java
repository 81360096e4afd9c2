package dev.acsemulator.benchmarks.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a run into the targets of issue #4 (each a ratio measured in this run, PASS or FAIL), a Markdown file, a
 * JSON file and a self-contained HTML page with SVG charts.
 */
final class Report {

    /** One line of the targets table. */
    record Target(String name, String value, String baseline, String ratio, String goal, boolean pass,
                  boolean measured) {
        String verdict() {
            return !measured ? "NOT RUN" : pass ? "PASS" : "FAIL";
        }
    }

    private Report() {
    }

    static List<Target> targets(LoadBenchmark.Results r) {
        List<Target> targets = new ArrayList<>();
        StepResult getEmulator = r.maxSustainable.get("get/emulator");
        StepResult getNetty = r.maxSustainable.get("get/netty-fixed-json");
        targets.add(ratioTarget("GET call throughput (HMAC on), max sustainable", getEmulator, getNetty,
                "raw Netty fixed JSON", 0.5, "≥ 0.5×"));
        StepResult life = r.maxSustainable.get("lifecycle/emulator");
        StepResult post = r.maxSustainable.get("lifecycle/netty-json-post");
        StepResult wiremock = r.maxSustainable.get("lifecycle/wiremock-3.13.1");
        targets.add(ratioTarget("Call lifecycle calls/s vs JSON POST/s", life, post, "raw Netty JSON POST", 0.35,
                "≥ 0.35×"));
        long expected = 0;
        long delivered = 0;
        boolean lifecycleRun = false;
        for (StepResult step : r.steps) {
            if (step.server().equals("emulator") && step.scenario().startsWith("lifecycle")) {
                expected += step.eventsExpected();
                delivered += step.eventsDelivered();
                lifecycleRun = true;
            }
        }
        targets.add(new Target("Lifecycle events delivered / expected (all emulator lifecycle steps)",
                delivered + " / " + expected, "-", expected == 0 ? "-" : fmt(delivered / (double) expected, 4),
                "equal", lifecycleRun && delivered == expected, lifecycleRun));
        targets.add(ratioTarget("Call lifecycle calls/s vs WireMock stub req/s", life, wiremock,
                "WireMock 3.13.1 stubbed CreateCall (no events)", 2.0, "≥ 2×"));
        StepResult half = r.steps.stream().filter(s -> s.scenario().equals("lifecycle-half-load")).findFirst()
                .orElse(null);
        targets.add(new Target("Action-to-event p99 at half the max sustainable load",
                half == null ? "-" : fmt(half.eventP99() / 1000, 2) + " ms (p50 " + fmt(half.eventP50() / 1000, 2)
                        + " ms) at " + fmt(half.offered(), 0) + " calls/s",
                "-", "-", "< 5 ms", half != null && half.eventP99() < 5000 && half.sustained(), half != null));
        LoadBenchmark.HeldResult held = r.held.stream().filter(h -> h.calls() == 100_000).findFirst()
                .orElse(r.held.isEmpty() ? null : r.held.get(0));
        targets.add(new Target("Heap per connected idle call" + (held == null ? "" : " at " + held.calls()),
                held == null ? "-" : fmt(held.heapPerCall(), 0) + " B", "-", "-", "≤ 2048 B",
                held != null && held.heapPerCall() <= 2048 && held.connected() == held.calls(), held != null));
        double emulatorStart = LoadBenchmark.Results.median(r.startupEmulatorMillis);
        double nettyStart = LoadBenchmark.Results.median(r.startupNettyMillis);
        boolean started = emulatorStart > 0 && nettyStart > 0;
        targets.add(new Target("Startup to first HTTPS response (median)", started ? fmt(emulatorStart, 0) + " ms" : "-",
                started ? fmt(nettyStart, 0) + " ms bare Netty HTTPS" : "-",
                started ? fmt(emulatorStart / nettyStart, 2) + "×" : "-", "≤ 1.5×",
                started && emulatorStart <= 1.5 * nettyStart, started));
        targets.add(BigCallReport.target(r.bigCalls));
        return targets;
    }

    private static Target ratioTarget(String name, StepResult value, StepResult baseline, String baselineName,
                                      double goal, String goalText) {
        if (value == null || baseline == null) {
            return new Target(name, value == null ? "-" : fmt(value.achieved(), 0) + " " + value.unit(),
                    baseline == null ? "-" : fmt(baseline.achieved(), 0) + " " + baseline.unit() + " " + baselineName,
                    "-", goalText, false, value != null || baseline != null);
        }
        double ratio = value.achieved() / baseline.achieved();
        return new Target(name, fmt(value.achieved(), 0) + " " + value.unit(),
                fmt(baseline.achieved(), 0) + " " + baseline.unit() + " (" + baselineName + ")", fmt(ratio, 3) + "×",
                goalText, ratio >= goal, true);
    }

    static String targetsText(LoadBenchmark.Results r) {
        StringBuilder text = new StringBuilder("\nTargets (issue #4):\n");
        for (Target t : targets(r)) {
            text.append(String.format("  %-7s %-62s %s | baseline %s | ratio %s | goal %s%n", t.verdict(), t.name(),
                    t.value(), t.baseline(), t.ratio(), t.goal()));
        }
        return text.toString();
    }

    static void write(LoadBenchmark.Results r, Path out) throws IOException {
        Files.createDirectories(out);
        Map<String, String> machine = machine();
        Files.writeString(out.resolve("results.md"), markdown(r, machine));
        Files.writeString(out.resolve("results.json"), json(r, machine));
        Files.writeString(out.resolve("results.html"), html(r, machine));
    }

    static Map<String, String> machine() {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("cpu", firstMatch("/proc/cpuinfo", "model name"));
        machine.put("cores", String.valueOf(count("/proc/cpuinfo", "processor")));
        machine.put("memory", firstMatch("/proc/meminfo", "MemTotal"));
        machine.put("kernel", read("/proc/sys/kernel/osrelease"));
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("pinning", "servers under test on core " + LoadBenchmark.SERVER_CORE
                + " (taskset), load generator and webhook receiver on core " + LoadBenchmark.GENERATOR_CORE);
        machine.put("date", Instant.now().toString());
        return machine;
    }

    private static String markdown(LoadBenchmark.Results r, Map<String, String> machine) {
        StringBuilder md = new StringBuilder("# Load benchmark results\n\n");
        md.append("Command: `").append(r.commandLine).append("` (").append(fmt(r.durationSeconds / 60, 1))
                .append(" min)\n\n");
        machine.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n## Targets\n\n| target | value | baseline | ratio | goal | result |\n|---|---|---|---|---|---|\n");
        for (Target t : targets(r)) {
            md.append("| ").append(t.name()).append(" | ").append(t.value()).append(" | ").append(t.baseline())
                    .append(" | ").append(t.ratio()).append(" | ").append(t.goal()).append(" | **")
                    .append(t.verdict()).append("** |\n");
        }
        md.append("\n## Every step\n\nLatencies in microseconds from each request's intended send time (open loop). "
                + "Events: delivered/expected at the webhook; event latency from the action's intended send time. "
                + "CPU, RSS and heap are the server process's; load is the machine's one-minute load average at the end of the "
                + "step (2 cores: above 2, other work was competing with the servers and the generator).\n\n");
        md.append("| scenario | server | offered | achieved | unit | REST p50 | p99 | p99.9 | max | events | event p50 "
                + "| event p99 | CPU % | RSS MiB | heap MiB | load | sustained |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (StepResult s : r.steps) {
            md.append("| ").append(s.scenario()).append(" | ").append(s.server()).append(" | ")
                    .append(fmt(s.offered(), 0)).append(" | ").append(fmt(s.achieved(), 0)).append(" | ")
                    .append(s.unit()).append(" | ").append(fmt(s.restP50(), 0)).append(" | ")
                    .append(fmt(s.restP99(), 0)).append(" | ").append(fmt(s.restP999(), 0)).append(" | ")
                    .append(fmt(s.restMax(), 0)).append(" | ")
                    .append(s.eventsExpected() == 0 ? "-" : s.eventsDelivered() + "/" + s.eventsExpected())
                    .append(" | ").append(s.eventP50() < 0 ? "-" : fmt(s.eventP50(), 0)).append(" | ")
                    .append(s.eventP99() < 0 ? "-" : fmt(s.eventP99(), 0)).append(" | ")
                    .append(fmt(s.serverCpuPercent(), 0)).append(" | ").append(s.serverRssBytes() >> 20).append(" | ")
                    .append(s.serverHeapBytes() < 0 ? "-" : String.valueOf(s.serverHeapBytes() >> 20)).append(" | ")
                    .append(fmt(s.machineLoad(), 1)).append(" | ")
                    .append(s.sustained() ? "yes" : "no" + (s.firstError() == null ? "" : " (" + s.firstError()
                            .replace('|', '/').replace('\n', ' ') + ")"))
                    .append(" |\n");
        }
        if (!r.held.isEmpty()) {
            md.append("\n## Held calls\n\n| calls | connected | -Xmx | heap before | heap after | heap/call | RSS before "
                    + "| RSS after | events |\n|---|---|---|---|---|---|---|---|---|\n");
            for (LoadBenchmark.HeldResult h : r.held) {
                md.append("| ").append(h.calls()).append(" | ").append(h.connected()).append(" | ").append(h.maxHeap())
                        .append(" | ").append(h.heapBefore() >> 20).append(" MiB | ").append(h.heapAfter() >> 20)
                        .append(" MiB | ").append(fmt(h.heapPerCall(), 0)).append(" B | ").append(h.rssBefore() >> 20)
                        .append(" MiB | ").append(h.rssAfter() >> 20).append(" MiB | ").append(h.eventsDelivered())
                        .append('/').append(h.eventsExpected()).append(" |\n");
            }
            r.heapHistograms.forEach((calls, histogram) -> md.append("\nLive heap of the emulator holding ")
                    .append(calls).append(" calls (`jmap -histo:live`, top classes):\n\n```\n").append(histogram)
                    .append("\n```\n"));
        }
        md.append(BigCallReport.markdown(r.bigCalls));
        md.append(BigCallReport.aloneLine(r.bigCallAloneCpuSeconds, r.bigCallAlone, r.bigCallAloneWarmups,
                r.bigCallAloneCpuByThread));
        if (!r.startupEmulatorMillis.isEmpty()) {
            md.append("\n## Startup\n\nProcess start to first `GET /health` answered 200 over HTTPS, ms, each run: "
                    + "emulator (`").append(r.emulatorJar).append("`, data dir already initialised) ")
                    .append(r.startupEmulatorMillis).append("; bare Netty HTTPS server with the same certificate ")
                    .append(r.startupNettyMillis).append(". The emulator's very first start, which generates its "
                            + "certificate and signing key: ").append(fmt(r.startupEmulatorFreshDataDirMillis, 0))
                    .append(" ms.\n");
        }
        return md.toString();
    }

    private static String json(LoadBenchmark.Results r, Map<String, String> machine) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("command", r.commandLine);
        root.put("durationSeconds", r.durationSeconds);
        root.set("machine", mapper.valueToTree(machine));
        ArrayNode targets = root.putArray("targets");
        for (Target t : targets(r)) {
            ObjectNode node = mapper.valueToTree(t);
            node.put("result", t.verdict());
            targets.add(node);
        }
        ObjectNode max = root.putObject("maxSustainable");
        r.maxSustainable.forEach((key, step) -> max.set(key, mapper.valueToTree(step)));
        root.set("steps", mapper.valueToTree(r.steps));
        ArrayNode held = root.putArray("held");
        for (LoadBenchmark.HeldResult h : r.held) {
            ObjectNode node = mapper.valueToTree(h);
            node.put("heapPerCallBytes", h.heapPerCall());
            held.add(node);
        }
        root.set("bigCalls", BigCallReport.json(mapper, r.bigCalls));
        root.put("bigCallAloneCpuSeconds", r.bigCallAloneCpuSeconds);
        root.set("bigCallAlone", mapper.valueToTree(r.bigCallAlone));
        root.set("bigCallAloneCpuSecondsByThread", mapper.valueToTree(r.bigCallAloneCpuByThread));
        ObjectNode startup = root.putObject("startup");
        startup.set("emulatorMillis", mapper.valueToTree(r.startupEmulatorMillis));
        startup.set("bareNettyMillis", mapper.valueToTree(r.startupNettyMillis));
        startup.put("emulatorFreshDataDirMillis", r.startupEmulatorFreshDataDirMillis);
        return mapper.writeValueAsString(root);
    }

    private static String html(LoadBenchmark.Results r, Map<String, String> machine) {
        StringBuilder page = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\">"
                + "<title>ACS emulator load benchmark</title><style>body{font-family:sans-serif;margin:2em;max-width:70em}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;font-size:13px}"
                + ".PASS{color:#070;font-weight:bold}.FAIL{color:#b00;font-weight:bold}</style></head><body>");
        page.append("<h1>ACS Call Automation Emulator: load benchmark</h1><p><code>").append(escape(r.commandLine))
                .append("</code></p><ul>");
        machine.forEach((k, v) -> page.append("<li>").append(k).append(": ").append(escape(v)).append("</li>"));
        page.append("</ul><h2>Targets</h2><table><tr><th>target</th><th>value</th><th>baseline</th><th>ratio</th>"
                + "<th>goal</th><th>result</th></tr>");
        for (Target t : targets(r)) {
            page.append("<tr><td>").append(escape(t.name())).append("</td><td>").append(escape(t.value()))
                    .append("</td><td>").append(escape(t.baseline())).append("</td><td>").append(escape(t.ratio()))
                    .append("</td><td>").append(escape(t.goal())).append("</td><td class=\"").append(t.verdict())
                    .append("\">").append(t.verdict()).append("</td></tr>");
        }
        page.append("</table>");
        for (String scenario : List.of("get", "lifecycle")) {
            page.append("<h2>").append(scenario.equals("get") ? "1. GET call" : "2. Call lifecycle").append("</h2>");
            page.append(chart(r, scenario, "achieved vs offered load", false));
            page.append(chart(r, scenario, "REST p99 latency (ms, log scale) vs offered load", true));
        }
        page.append(BigCallReport.html(r.bigCalls));
        page.append("</body></html>\n");
        return page.toString();
    }

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};

    private static String chart(LoadBenchmark.Results r, String scenario, String title, boolean latency) {
        Map<String, List<StepResult>> byServer = new LinkedHashMap<>();
        for (StepResult s : r.steps) {
            if (s.scenario().equals(scenario)) {
                byServer.computeIfAbsent(s.server(), k -> new ArrayList<>()).add(s);
            }
        }
        if (byServer.isEmpty()) {
            return "";
        }
        double maxX = 1;
        double maxY = 1;
        for (List<StepResult> steps : byServer.values()) {
            for (StepResult s : steps) {
                maxX = Math.max(maxX, s.offered());
                maxY = Math.max(maxY, latency ? Math.log10(Math.max(10, s.restP99())) : s.achieved());
            }
        }
        double minY = latency ? 1 : 0;
        int w = 640;
        int h = 300;
        int left = 60;
        int bottom = 30;
        StringBuilder svg = new StringBuilder("<h3>").append(escape(title)).append("</h3><svg width=\"").append(w + 200)
                .append("\" height=\"").append(h + 20).append("\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.append("<line x1=\"").append(left).append("\" y1=\"").append(h - bottom).append("\" x2=\"").append(w)
                .append("\" y2=\"").append(h - bottom).append("\" stroke=\"black\"/><line x1=\"").append(left)
                .append("\" y1=\"10\" x2=\"").append(left).append("\" y2=\"").append(h - bottom)
                .append("\" stroke=\"black\"/>");
        for (int i = 0; i <= 4; i++) {
            double fx = maxX * i / 4;
            double fy = minY + (maxY - minY) * i / 4;
            int x = left + (int) ((w - left) * i / 4.0);
            int y = h - bottom - (int) ((h - bottom - 10) * i / 4.0);
            svg.append("<text x=\"").append(x - 10).append("\" y=\"").append(h - 10).append("\" font-size=\"11\">")
                    .append(fmt(fx, 0)).append("</text>");
            svg.append("<text x=\"2\" y=\"").append(y + 4).append("\" font-size=\"11\">")
                    .append(latency ? fmt(Math.pow(10, fy) / 1000, 2) : fmt(fy, 0)).append("</text>");
        }
        int series = 0;
        for (Map.Entry<String, List<StepResult>> entry : byServer.entrySet()) {
            String colour = COLOURS[series % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (StepResult s : entry.getValue()) {
                double yValue = latency ? Math.log10(Math.max(10, s.restP99())) : s.achieved();
                int x = left + (int) ((w - left) * s.offered() / maxX);
                int y = h - bottom - (int) ((h - bottom - 10) * (yValue - minY) / Math.max(1e-9, maxY - minY));
                points.append(x).append(',').append(y).append(' ');
                svg.append("<circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"3\" fill=\"")
                        .append(colour).append("\"/>");
            }
            svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" points=\"").append(points)
                    .append("\"/><text x=\"").append(w + 10).append("\" y=\"").append(20 + 16 * series)
                    .append("\" font-size=\"12\" fill=\"").append(colour).append("\">").append(escape(entry.getKey()))
                    .append("</text>");
            series++;
        }
        return svg.append("</svg>").toString();
    }

    static String fmt(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String firstMatch(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static long count(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(line -> line.startsWith(key)).count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
