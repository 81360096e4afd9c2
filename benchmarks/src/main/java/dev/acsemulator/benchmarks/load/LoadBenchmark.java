package dev.acsemulator.benchmarks.load;

import dev.acsemulator.config.EmulatorConfig;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The end-to-end load benchmark: starts the emulator and the baselines one after another, each in its own JVM pinned
 * to core 0, and drives them from this JVM (pinned to core 1) over keep-alive HTTP/1.1 with signed requests, open
 * loop, at a series of offered loads; a webhook receiver on the same event loop collects the callbacks. Parts:
 * {@code get}, {@code lifecycle}, {@code media}, {@code recording}, {@code bigcall}, {@code held}, {@code startup}, {@code streaming}, {@code dashboard}. Writes {@code results.md}, {@code results.json} and
 * {@code results.html} into the output folder. See benchmarks/README.md.
 */
public final class LoadBenchmark {

    static final int SERVER_CORE = 0;
    static final int GENERATOR_CORE = 1;
    static final String API_VERSION = "2023-03-06";

    // Steps of at most ~25 % above 10k/s and 2,000 calls/s: the maximum sustainable load is the last sustained step,
    // so coarser steps quantise a ratio by a third (30k vs 40k GET/s flipped the GET target between runs).
    private static final double[] GET_RATES = {5_000, 10_000, 15_000, 20_000, 25_000, 30_000, 35_000, 40_000, 45_000,
            50_000, 55_000, 60_000, 65_000, 70_000, 75_000, 80_000, 90_000, 100_000, 120_000, 140_000};
    private static final double[] CALL_RATES = {250, 500, 1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 7_000, 8_000, 9_000,
            10_000, 12_500, 15_000, 20_000, 25_000, 30_000, 35_000, 40_000, 45_000, 50_000, 55_000, 60_000, 65_000,
            70_000, 80_000};

    private final Map<String, String> options;
    private final double stepSeconds;
    private final int connections;
    private final Path work;
    private final Path dataDir;
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final WebhookReceiver receiver;
    private final StepRunner runner;
    private final Results results;
    private long nextCallIndex;

    private LoadBenchmark(Map<String, String> options, String commandLine) throws Exception {
        this.options = options;
        this.stepSeconds = Double.parseDouble(options.getOrDefault("step-seconds", "3"));
        this.connections = Integer.parseInt(options.getOrDefault("connections", "32"));
        this.work = Files.createTempDirectory("acs-load-benchmark");
        this.dataDir = work.resolve("data");
        this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        this.loop = group.next();
        this.receiver = new WebhookReceiver(loop);
        this.runner = new StepRunner(loop);
        this.results = new Results(commandLine);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Options are --name=value: " + arg);
            }
            int equals = arg.indexOf('=');
            options.put(equals < 0 ? arg.substring(2) : arg.substring(2, equals), equals < 0 ? "true"
                    : arg.substring(equals + 1));
        }
        pinSelf();
        String commandLine = "java -cp benchmarks/target/benchmarks.jar " + LoadBenchmark.class.getName()
                + (args.length == 0 ? "" : " " + String.join(" ", args));
        LoadBenchmark benchmark = new LoadBenchmark(options, commandLine);
        try {
            benchmark.runParts();
        } finally {
            benchmark.group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
        System.exit(0);
    }

    private void runParts() throws Exception {
        Set<String> parts = Set.of(options.getOrDefault("parts", "get,lifecycle,held,startup").split(","));
        Path out = Path.of(options.getOrDefault("out", "benchmarks/results"));
        long begun = System.nanoTime();
        prepareDataDir();
        if (parts.contains("startup")) {
            startup();
        }
        if (parts.contains("get")) {
            getCall();
        }
        if (parts.contains("lifecycle")) {
            lifecycle();
        }
        if (parts.contains("media")) {
            media(Long.parseLong(options.getOrDefault("play-millis", "200")));
        }
        if (parts.contains("bigcall")) {
            bigCall();
        }
        if (parts.contains("streaming")) {
            streaming(out);
        }
        if (parts.contains("recording")) {
            recording();
        }
        if (parts.contains("dashboard")) {
            dashboard(out);
        }
        if (parts.contains("held")) {
            heldCalls(Integer.parseInt(options.getOrDefault("held-calls", "100000")),
                    options.getOrDefault("held-heap", "2g"));
        }
        results.durationSeconds = (System.nanoTime() - begun) / 1e9;
        Report.write(results, out);
        System.out.println(Report.targetsText(results));
        System.out.println("Wrote " + out.resolve("results.md") + ", results.json, results.html");
    }

    // ---- scenario 1: GET on existing calls -------------------------------------------------------------------------

    private void getCall() throws Exception {
        List<String> ids = new ArrayList<>();
        try (ServerProcess emulator = emulator("emulator", null);
             LoadClient emulatorClient = new LoadClient(loop, emulator.httpPort, connections)) {
            RequestSigner emulatorSigner = signer(emulator.httpPort);
            LifecycleWorkload create = lifecycleWorkload(emulatorClient, emulatorSigner, false, ids::add);
            log(runner.run("setup", "calls/s", emulator, create, 500, 2));
            byte[] body = emulatorClient.send(runner.onLoop(() -> emulatorSigner.bodiless("GET",
                    getTarget(ids.get(0))))).get(10, TimeUnit.SECONDS).body();
            results.getCallResponseBytes = body.length;
            Path fixed = work.resolve("getcall-response.json");
            Files.write(fixed, body);
            try (ServerProcess baseline = ServerProcess.start("netty-fixed-json", SERVER_CORE, serverJvm(null),
                    "netty-fixed", fixed.toString());
                 LoadClient baselineClient = new LoadClient(loop, baseline.httpPort, connections)) {
                RequestSigner baselineSigner = signer(baseline.httpPort);
                series("get", GET_RATES, List.of(
                        new Contender(emulator, "requests/s", () -> getWorkload(emulatorClient, emulatorSigner, ids)),
                        new Contender(baseline, "requests/s",
                                () -> getWorkload(baselineClient, baselineSigner, ids))));
            }
        }
    }

    private RequestWorkload getWorkload(LoadClient client, RequestSigner signer, List<String> ids) {
        return new RequestWorkload(client, index -> signer.bodiless("GET", getTarget(ids.get((int) (index % ids.size())))),
                200);
    }

    private static String getTarget(String callConnectionId) {
        return "/calling/callConnections/" + callConnectionId + "?api-version=" + API_VERSION;
    }

    // ---- scenario 2: the call lifecycle ----------------------------------------------------------------------------

    private void lifecycle() throws Exception {
        if (options.containsKey("lifecycle-at")) {
            lifecycleAt(Double.parseDouble(options.get("lifecycle-at")));
            return;
        }
        try (ServerProcess emulator = emulator("emulator", null);
             LoadClient emulatorClient = new LoadClient(loop, emulator.httpPort, connections);
             ServerProcess post = ServerProcess.start("netty-json-post", SERVER_CORE, serverJvm(null), "netty-post");
             LoadClient postClient = new LoadClient(loop, post.httpPort, connections);
             ServerProcess wiremock = wiremock();
             LoadClient wiremockClient = new LoadClient(loop, wiremock.httpPort, connections)) {
            RequestSigner emulatorSigner = signer(emulator.httpPort);
            RequestSigner postSigner = signer(post.httpPort);
            RequestSigner wiremockSigner = signer(wiremock.httpPort);
            Map<String, StepResult> max = series("lifecycle", CALL_RATES, List.of(
                    new Contender(emulator, "calls/s",
                            () -> lifecycleWorkload(emulatorClient, emulatorSigner, true, id -> { })),
                    new Contender(post, "requests/s", () -> createCallOnly(postClient, postSigner, 201)),
                    new Contender(wiremock, "requests/s", () -> createCallOnly(wiremockClient, wiremockSigner, 201))));
            StepResult best = max.get("lifecycle/" + emulator.name);
            double half = best == null ? CALL_RATES[0] / 2 : best.offered() / 2;
            StepResult atHalf = runner.run("lifecycle-half-load", "calls/s", emulator,
                    lifecycleWorkload(emulatorClient, emulatorSigner, true, id -> { }), half, Math.max(10, stepSeconds));
            log(atHalf);
            results.steps.add(atHalf);
        }
    }

    /**
     * Only the emulator, warmed up, then driven at one call rate for the half-load step's duration: to compare JVM
     * options or a change's effect on event latency quickly ({@code --lifecycle-at=2500}); no baselines, no targets.
     */
    private void lifecycleAt(double rate) throws Exception {
        try (ServerProcess emulator = emulator("emulator", null);
             LoadClient client = new LoadClient(loop, emulator.httpPort, connections)) {
            RequestSigner signer = signer(emulator.httpPort);
            for (double warmup : new double[] {CALL_RATES[0], CALL_RATES[1], rate}) {
                log(runner.run("lifecycle-warmup", "calls/s", emulator,
                        lifecycleWorkload(client, signer, true, id -> { }), warmup, Math.max(5, stepSeconds)));
            }
            StepResult step = runner.run("lifecycle-at", "calls/s", emulator,
                    lifecycleWorkload(client, signer, true, id -> { }), rate, Math.max(10, stepSeconds));
            log(step);
            results.steps.add(step);
        }
    }

    // ---- scenario 2b: the call lifecycle with media, beside the plain one -------------------------------------------

    /**
     * The lifecycle with media steps between CallConnected and the hang-up, and the plain lifecycle, taking turns on
     * one emulator at each offered load (so their ratio compares steps seconds apart): the media steps are one play
     * of a {@code playMillis} WAV file served by this process (fetched once: the play names a playSourceCacheId),
     * then one DTMF recognize of a key the person called (a {@code _presses1} identity) presses a second in; each
     * call's RecognizeCompleted is one of its expected events, and RecognizeFailed fails the call.
     */
    private void media(long playMillis) throws Exception {
        try (ServerProcess emulator = emulator("emulator", null);
             LoadClient client = new LoadClient(loop, emulator.httpPort, connections);
             NettyBaselines audio = NettyBaselines.audioFile(WavBytes.playable(playMillis))) {
            RequestSigner signer = signer(emulator.httpPort);
            List<MediaStep> steps = List.of(MediaStep.playFile("http://127.0.0.1:" + audio.port() + "/greeting.wav"),
                    MediaStep.recognizeOneKey());
            series("media", CALL_RATES, List.of(
                    new Contender("media-lifecycle", emulator, "calls/s",
                            () -> lifecycleWorkload(client, signer, true, id -> { }, List.of())),
                    new Contender("media-lifecycle-play-recognize", emulator, "calls/s",
                            () -> lifecycleWorkload(client, signer, true, id -> { }, steps))));
        }
    }

    // ---- scenario: media streams -----------------------------------------------------------------------------------

    /** Concurrent media streams at 50 frames/s and their frames' lateness (StreamingPart); writes streaming.md. */
    private void streaming(Path out) throws Exception {
        StreamingPart part = new StreamingPart(loop);
        try (ServerProcess emulator = emulator("emulator", null);
             LoadClient client = new LoadClient(loop, emulator.httpPort, connections)) {
            RequestSigner signer = signer(emulator.httpPort);
            String transportUrl = part.start();
            String callback = "http://127.0.0.1:" + receiver.port() + "/cb/";
            List<StreamingPart.StepOutcome> outcomes = part.run(count -> {
                for (int i = 0; i < count; i++) {
                    long index = nextCallIndex++;
                    byte[] body = StreamingPart.createCallBody(LifecycleWorkload.createCallBody(callback + index,
                            index), transportUrl);
                    byte[] request = signer.post("/calling/callConnections?api-version=2025-06-15", body);
                    client.send(request).whenComplete((answer, failure) -> {
                        if (failure != null) {
                            System.out.println("streaming: a CreateCall failed: " + failure);
                        } else if (answer.status() != 201) {
                            System.out.println("streaming: a CreateCall answered HTTP " + answer.status() + ": "
                                    + new String(answer.body(), StandardCharsets.UTF_8));
                        }
                    });
                }
            }, stepSeconds, Integer.parseInt(options.getOrDefault("max-streams", "1600")));
            StreamingPart.write(outcomes, out, results.commandLine);
        } finally {
            part.close();
        }
    }

    /**
     * The lifecycle at half the emulator's maximum (found first, or {@code --dashboard-rate}), in
     * {@code --dashboard-rounds} rounds (default 4, after a warm-up round) of two windows of
     * {@code --dashboard-window-seconds} (default 8): without, then with a subscriber reading the all-calls live feed
     * (DashboardPart); writes dashboard.md.
     */
    private void dashboard(Path out) throws Exception {
        double window = Double.parseDouble(options.getOrDefault("dashboard-window-seconds", "8"));
        int rounds = Integer.parseInt(options.getOrDefault("dashboard-rounds", "4"));
        try (ServerProcess emulator = emulator("emulator", null);
             LoadClient client = new LoadClient(loop, emulator.httpPort, connections)) {
            RequestSigner signer = signer(emulator.httpPort);
            double rate;
            if (options.containsKey("dashboard-rate")) {
                rate = Double.parseDouble(options.get("dashboard-rate"));
                for (double warmup : new double[] {Math.min(rate, CALL_RATES[0]), rate}) {
                    log(runner.run("dashboard-warmup", "calls/s", emulator,
                            lifecycleWorkload(client, signer, true, id -> { }), warmup, Math.max(5, stepSeconds)));
                }
            } else {
                StepResult best = series("dashboard-max", CALL_RATES, List.of(new Contender(emulator, "calls/s",
                        () -> lifecycleWorkload(client, signer, true, id -> { })))).get("dashboard-max/" + emulator.name);
                rate = best == null ? CALL_RATES[0] / 2 : best.offered() / 2;
            }
            List<DashboardPart.Round> measured = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) {
                String suffix = round == 0 ? "-warmup" : "";
                DashboardPart.GeneratorCpu generatorWithout = new DashboardPart.GeneratorCpu();
                StepResult without = runner.run("dashboard-without" + suffix, "calls/s", emulator,
                        lifecycleWorkload(client, signer, true, id -> { }), rate, window);
                double generatorCpuWithout = generatorWithout.percent();
                log(without);
                StepResult with;
                DashboardPart.FeedStats feed;
                double generatorCpuWith;
                try (DashboardPart.FeedReader reader = DashboardPart.FeedReader.open(emulator.httpPort)) {
                    reader.take(1); // the calls as they were when it subscribed
                    DashboardPart.GeneratorCpu generatorWith = new DashboardPart.GeneratorCpu();
                    with = runner.run("dashboard-with-feed" + suffix, "calls/s", emulator,
                            lifecycleWorkload(client, signer, true, id -> { }), rate, window);
                    generatorCpuWith = generatorWith.percent();
                    feed = reader.take(window);
                }
                log(with);
                System.out.printf("feed: %d items (%.0f/s), lag p50 %.1f ms, p99 %.1f ms, max %.1f ms%s; generator CPU"
                        + " %.1f%% without, %.1f%% with (reader %.1f%%)%n", feed.items(), feed.itemsPerSecond(),
                        feed.lagP50Millis(), feed.lagP99Millis(), feed.lagMaxMillis(),
                        feed.stayedConnected() ? "" : ", reader dropped", generatorCpuWithout, generatorCpuWith,
                        feed.readerCpuPercent());
                if (round > 0) {
                    results.steps.add(without);
                    results.steps.add(with);
                    measured.add(new DashboardPart.Round(without, with, feed, generatorCpuWithout,
                            generatorCpuWith));
                }
            }
            DashboardPart.write(rate, measured, out, results.commandLine);
        }
    }

    // ---- scenario 2c: the call lifecycle with a recording, beside the plain one -------------------------------------

    /**
     * The lifecycle with a recording between CallConnected and the hang-up, and the plain lifecycle, taking turns on
     * one emulator at each offered load: each call starts a recording by its connection id, waits for it to be
     * active (the bot joins 0.5 s in), stops it, waits for it to be inactive, asks GetRecordingResult until the file
     * is written and downloads the WAV ({@link RecordingRound}).
     */
    private void recording() throws Exception {
        try (ServerProcess emulator = emulator("emulator", null);
             LoadClient client = new LoadClient(loop, emulator.httpPort, connections)) {
            RequestSigner signer = signer(emulator.httpPort);
            series("recording", CALL_RATES, List.of(
                    new Contender("recording-lifecycle", emulator, "calls/s",
                            () -> lifecycleWorkload(client, signer, true, id -> { }, List.of())),
                    new Contender("recording-lifecycle-record-download", emulator, "calls/s",
                            () -> lifecycleWorkload(client, signer, true, id -> { }, List.of()).withRecording())));
        }
    }

    private RequestWorkload createCallOnly(LoadClient client, RequestSigner signer, int status) {
        long base = nextCallIndex;
        nextCallIndex += 10_000_000;
        String callback = "http://127.0.0.1:" + receiver.port() + "/cb/";
        return new RequestWorkload(client, index -> signer.post("/calling/callConnections?api-version=" + API_VERSION,
                LifecycleWorkload.createCallBody(callback + (base + index), base + index)), status);
    }

    private LifecycleWorkload lifecycleWorkload(LoadClient client, RequestSigner signer, boolean hangUp,
                                                java.util.function.Consumer<String> connectedIds) {
        return lifecycleWorkload(client, signer, hangUp, connectedIds, List.of());
    }

    private LifecycleWorkload lifecycleWorkload(LoadClient client, RequestSigner signer, boolean hangUp,
                                                java.util.function.Consumer<String> connectedIds,
                                                List<MediaStep> media) {
        long base = nextCallIndex;
        nextCallIndex += 10_000_000;
        LifecycleWorkload workload = new LifecycleWorkload(client, signer,
                "http://127.0.0.1:" + receiver.port() + "/cb/", API_VERSION, hangUp, connectedIds, media, base);
        receiver.listener(workload);
        return workload;
    }

    /**
     * A server in a series and the workload that drives it; {@code scenario} names its steps (null: the series' own
     * name), so that two workloads on one server can take turns in a series.
     */
    private record Contender(String scenario, ServerProcess server, String unit,
                             java.util.function.Supplier<Workload> workloads) {
        Contender(ServerProcess server, String unit, java.util.function.Supplier<Workload> workloads) {
            this(null, server, unit, workloads);
        }

        String scenarioIn(String series) {
            return scenario == null ? series : scenario;
        }

        String key(String series) {
            return scenarioIn(series) + "/" + server.name;
        }
    }

    /**
     * Warms every contender up at the two lowest loads, then raises the offered load, running each contender's step
     * at a load right after the others' (so a ratio compares steps minutes apart at most, whatever else the machine
     * does), until each has failed to sustain two loads in a row or fell far short once. Returns, by scenario/server,
     * the last sustained step: the maximum sustainable load.
     */
    private Map<String, StepResult> series(String scenario, double[] rates, List<Contender> contenders)
            throws Exception {
        for (Contender contender : contenders) {
            for (int i = 0; i < 2; i++) {
                log(runner.run(contender.scenarioIn(scenario) + "-warmup", contender.unit(), contender.server(),
                        contender.workloads().get(), rates[i], Math.max(5, stepSeconds)));
            }
        }
        Map<String, StepResult> best = new LinkedHashMap<>();
        Map<String, Integer> failures = new LinkedHashMap<>();
        Set<String> done = new java.util.HashSet<>();
        for (double rate : rates) {
            for (Contender contender : contenders) {
                String key = contender.key(scenario);
                if (done.contains(key)) {
                    continue;
                }
                StepResult step = runner.run(contender.scenarioIn(scenario), contender.unit(), contender.server(),
                        contender.workloads().get(), rate, stepSeconds);
                log(step);
                results.steps.add(step);
                if (step.sustained()) {
                    best.put(key, step);
                    failures.put(key, 0);
                } else if (failures.merge(key, 1, Integer::sum) >= 2 || step.achieved() < 0.8 * rate) {
                    done.add(key);
                }
            }
            if (done.size() == contenders.size()) {
                break;
            }
        }
        results.maxSustainable.putAll(best);
        return best;
    }

    // ---- scenario 2c: one call of 350 participants beside the steady load of other calls -----------------------------

    /**
     * The other calls' REST latency with and without a 350-participant call, side by side in one run: on one
     * emulator, a steady load of other calls ({@code --bigcall-load=get}: GetCall on 500 connected calls at
     * {@code --bigcall-rate}, default 1,000/s; {@code lifecycle}: whole calls at that rate) runs in windows of
     * {@code --bigcall-window-seconds}; each round is a window without the big call, then a window in which one call
     * grows to {@code --bigcall-participants} (each added person answers at once, adds at {@code --bigcall-add-rate}
     * per second) and is terminated. {@code --bigcall-rounds} rounds (default 4), after one warm-up round; 0 runs no
     * round. Before the rounds, {@code --bigcall-alone} big calls (default 2) run alone, the ones before the last to
     * warm up: the last one's emulator CPU time, in all and per kind of thread ({@link ThreadCpu}), is the big call's
     * cost; with {@code --bigcall-loop-busy=true} each also reports the event loop's busy stretches
     * ({@link LoopBusyProbe}, whose own wake-ups then add to the loop's CPU).
     */
    private void bigCall() throws Exception {
        String load = options.getOrDefault("bigcall-load", "get");
        double rate = Double.parseDouble(options.getOrDefault("bigcall-rate", load.equals("get") ? "1000" : "250"));
        double window = Double.parseDouble(options.getOrDefault("bigcall-window-seconds", "8"));
        int participants = Integer.parseInt(options.getOrDefault("bigcall-participants", "350"));
        double addRate = Double.parseDouble(options.getOrDefault("bigcall-add-rate", "100"));
        int rounds = Integer.parseInt(options.getOrDefault("bigcall-rounds", "4"));
        List<String> ids = new ArrayList<>();
        try (ServerProcess emulator = emulator("emulator", null);
             LoadClient client = new LoadClient(loop, emulator.httpPort, connections);
             LoadClient bigClient = new LoadClient(loop, emulator.httpPort, 4)) {
            RequestSigner signer = signer(emulator.httpPort);
            LifecycleWorkload setup = lifecycleWorkload(client, signer, false, ids::add);
            log(runner.run("bigcall-setup", "calls/s", emulator, setup, 250, 2));
            long setupUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (runner.onLoop(() -> !setup.finished()) && System.nanoTime() < setupUntil) {
                Thread.sleep(100); // on a loaded machine the setup calls may connect after their step
            }
            if (runner.onLoop(ids::isEmpty)) {
                throw new IllegalStateException("No call of the bigcall part's setup connected within two minutes");
            }
            java.util.function.Supplier<Workload> others = load.equals("get")
                    ? () -> getWorkload(client, signer, ids)
                    : () -> lifecycleWorkload(client, signer, true, id -> { });
            String unit = load.equals("get") ? "requests/s" : "calls/s";
            int aloneCalls = Math.max(1, Integer.parseInt(options.getOrDefault("bigcall-alone", "2")));
            boolean loopBusy = Boolean.parseBoolean(options.getOrDefault("bigcall-loop-busy", "false"));
            for (int alone = 0; alone < aloneCalls; alone++) {
                BigCall big = newBigCall(bigClient, signer, participants, addRate, (index, type, bearer, now) -> { });
                if (loopBusy) { // its wake-ups every 200 µs add to the event loop's CPU below
                    emulator.loopBusy(false);
                }
                long cpuBefore = emulator.cpuNanos();
                ThreadCpu threadsBefore = ThreadCpu.of(emulator);
                runner.onLoop(() -> {
                    receiver.listener(big);
                    big.start();
                    return null;
                });
                awaitEnd(big);
                double cpuSeconds = (emulator.cpuNanos() - cpuBefore) / 1e9;
                Map<String, Double> byThread = ThreadCpu.of(emulator).secondsSince(threadsBefore);
                BigCall.BigCallResult result = runner.onLoop(() -> big.result(null, null));
                System.out.printf("big call alone: %d events, ended after %.2f s, emulator CPU %.2f s %s%n",
                        result.events(), result.endedAfterSeconds(), cpuSeconds, byThread);
                if (loopBusy) {
                    System.out.println("big call alone, the event loop's busy stretches: " + emulator.loopBusy(true));
                }
                if (alone == aloneCalls - 1) { // the ones before warm the emulator up
                    results.bigCallAloneCpuSeconds = cpuSeconds;
                    results.bigCallAloneCpuByThread = byThread;
                    results.bigCallAloneWarmups = aloneCalls - 1;
                    results.bigCallAlone = result;
                }
            }
            for (int round = 0; round <= rounds && rounds > 0; round++) {
                String suffix = round == 0 ? "-warmup" : "";
                StepResult quiet = runner.run("bigcall-" + load + "-without" + suffix, unit, emulator, others.get(),
                        rate, window);
                log(quiet);
                Workload other = others.get();
                WebhookReceiver.Listener otherListener = other instanceof LifecycleWorkload lifecycle ? lifecycle
                        : (index, type, bearer, now) -> { };
                BigCall big = newBigCall(bigClient, signer, participants, addRate, otherListener);
                runner.onLoop(() -> {
                    receiver.listener(big);
                    big.start();
                    return null;
                });
                StepResult with = runner.run("bigcall-" + load + "-with-" + participants + suffix, unit, emulator,
                        other, rate, window);
                log(with);
                awaitEnd(big);
                BigCall.BigCallResult result = runner.onLoop(() -> big.result(with, quiet));
                System.out.printf("big call: %d participants, %d events (%d rosters), %.1f MiB, ended after %.2f s "
                                + "(%.0f events/s, %.1f MiB/s)%s%n", participants, result.events(),
                        result.rosterEvents(), result.bytes() / 1048576.0, result.endedAfterSeconds(),
                        result.eventsPerSecond(), result.mibPerSecond(),
                        result.complete() ? "" : "  INCOMPLETE: " + result.firstError());
                if (round > 0) {
                    results.steps.add(quiet);
                    results.steps.add(with);
                    results.bigCalls.add(result);
                }
            }
        }
    }

    private BigCall newBigCall(LoadClient client, RequestSigner signer, int participants, double addRate,
                               WebhookReceiver.Listener others) {
        long index = nextCallIndex;
        nextCallIndex += 10_000_000;
        return new BigCall(loop, client, signer, "http://127.0.0.1:" + receiver.port() + "/cb/", API_VERSION, index,
                participants, addRate, others);
    }

    /** Waits (at most two minutes) until the big call ended or failed. */
    private void awaitEnd(BigCall big) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!runner.onLoop(big::finished) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
    }

    // ---- scenario 3: concurrent calls held connected ---------------------------------------------------------------

    private void heldCalls(int count, String heap) throws Exception {
        List<String> ids = new ArrayList<>(count);
        try (ServerProcess emulator = emulator("emulator", heap);
             LoadClient client = new LoadClient(loop, emulator.httpPort, connections)) {
            RequestSigner signer = signer(emulator.httpPort);
            log(runner.run("held-warmup", "calls/s", emulator, lifecycleWorkload(client, signer, true, id -> { }),
                    1_000, 3));
            Thread.sleep(6_000); // past the ended-call retention's first sweep and the ring timeout
            long before = emulator.heapBytes(true);
            long rssBefore = emulator.rssBytes();
            double rate = Double.parseDouble(options.getOrDefault("held-rate", "1000"));
            LifecycleWorkload create = lifecycleWorkload(client, signer, false, ids::add);
            StepResult created = runner.run("held-create", "calls/s", emulator, create, rate, count / rate);
            log(created);
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (runner.onLoop(() -> !create.finished()) && System.nanoTime() < waitUntil) {
                Thread.sleep(100);
            }
            Thread.sleep(6_000); // ring timeouts of answered invitations were cancelled; let their tasks go
            long after = emulator.heapBytes(true);
            long rssAfter = emulator.rssBytes();
            long[] events = runner.onLoop(() -> new long[] {create.eventsExpected, create.eventsDelivered});
            HeldResult held = new HeldResult(count, ids.size(), heap, before, after, rssBefore, rssAfter, events[0],
                    events[1]);
            results.held.add(held);
            System.out.printf("held %d calls (%d connected): heap %d -> %d bytes, %.0f bytes/call, RSS %d MiB%n",
                    count, ids.size(), before, after, held.heapPerCall(), rssAfter >> 20);
            histogram(emulator, count);
            double getRate = Double.parseDouble(options.getOrDefault("held-get-rate", "10000"));
            List<String> shuffled = new ArrayList<>(ids);
            java.util.Collections.shuffle(shuffled, new java.util.Random(1));
            StepResult gets = runner.run("held-get-" + count, "requests/s", emulator,
                    getWorkload(client, signer, shuffled), getRate, Math.max(5, stepSeconds));
            log(gets);
            results.steps.add(gets);
        }
    }

    private void histogram(ServerProcess emulator, int count) {
        try {
            Process jmap = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jmap").toString(),
                    "-histo:live", String.valueOf(emulator.pid())).redirectErrorStream(true).start();
            List<String> lines = new String(jmap.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .limit(33).toList();
            jmap.waitFor(60, TimeUnit.SECONDS);
            results.heapHistograms.put(count, String.join("\n", lines));
        } catch (IOException | InterruptedException e) {
            results.heapHistograms.put(count, "jmap failed: " + e);
        }
    }

    // ---- scenario 4: startup ---------------------------------------------------------------------------------------

    private void startup() throws Exception {
        Path emulatorJar = emulatorJar();
        int runs = Integer.parseInt(options.getOrDefault("startup-runs", "7"));
        StartupProbe probe = new StartupProbe(dataDir);
        probe.warmUp();
        for (int i = 0; i < runs; i++) {
            int port = freePort();
            List<String> emulatorCommand = new ArrayList<>(List.of("taskset", "-c", String.valueOf(SERVER_CORE),
                    ServerProcess.javaBinary(), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
            emulatorCommand.addAll(emulatorJvmOptions());
            emulatorCommand.addAll(List.of("-jar", emulatorJar.toString(), "--https-port=" + port, "--http-port=-1",
                    "--data-dir=" + dataDir));
            results.startupEmulatorMillis.add(probe.timeToFirstHttps(emulatorCommand, port));
            port = freePort();
            List<String> nettyCommand = new ArrayList<>(List.of("taskset", "-c", String.valueOf(SERVER_CORE),
                    ServerProcess.javaBinary(), "-cp", ServerProcess.ownClassPath(), ServerMain.class.getName(),
                    "netty-https", dataDir.toString(), String.valueOf(port)));
            results.startupNettyMillis.add(probe.timeToFirstHttps(nettyCommand, port));
        }
        Path fresh = work.resolve("fresh-data");
        int port = freePort();
        List<String> freshCommand = new ArrayList<>(List.of("taskset", "-c", String.valueOf(SERVER_CORE),
                ServerProcess.javaBinary(), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        freshCommand.addAll(emulatorJvmOptions());
        freshCommand.addAll(List.of("-jar", emulatorJar.toString(), "--https-port=" + port, "--http-port=-1",
                "--data-dir=" + fresh));
        results.startupEmulatorFreshDataDirMillis = probe.timeToFirstHttps(freshCommand, port);
        results.emulatorJar = emulatorJar.getFileName().toString();
        System.out.println("startup emulator ms " + results.startupEmulatorMillis + ", bare netty ms "
                + results.startupNettyMillis + ", emulator with a fresh data dir "
                + results.startupEmulatorFreshDataDirMillis + " ms");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private void prepareDataDir() throws Exception {
        // The first start creates the certificate and the callback signing key; every later start reuses them.
        try (ServerProcess emulator = emulator("emulator-first-start", null)) {
            results.emulatorReady = true;
        }
    }

    private ServerProcess emulator(String name, String heap) throws IOException, InterruptedException {
        List<String> jvm = new ArrayList<>(emulatorJvmOptions());
        jvm.addAll(serverJvm(heap));
        String extra = options.get("emulator-jvm");
        if (extra != null && !extra.isBlank()) {
            jvm.addAll(List.of(extra.trim().split("\\s+")));
        }
        return ServerProcess.start(name, SERVER_CORE, jvm, "emulator", dataDir.toString());
    }

    private ServerProcess wiremock() throws Exception {
        Path root = work.resolve("wiremock");
        Files.createDirectories(root.resolve("mappings"));
        Files.createDirectories(root.resolve("__files"));
        Files.writeString(root.resolve("mappings/createcall.json"), """
                {"request": {"method": "POST", "urlPath": "/calling/callConnections"},
                 "response": {"status": 201, "headers": {"Content-Type": "application/json"},
                   "body": "{\\"callConnectionId\\":\\"411f0b00-aaaa-bbbb-cccc-000000000001\\",\\"callConnectionState\\":\\"connecting\\"}"}}
                """);
        Path jar = siblingOfOwnJar("wiremock-standalone.jar");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of("taskset", "-c", String.valueOf(SERVER_CORE),
                ServerProcess.javaBinary()));
        command.addAll(serverJvm(null));
        command.addAll(List.of("-jar", jar.toString(), "--port", String.valueOf(port), "--bind-address", "127.0.0.1",
                "--root-dir", root.toString(), "--disable-banner", "--no-request-journal"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("wiremock.log").toFile()).start();
        StartupProbe.awaitHttp(port, 60_000);
        return ServerProcess.external("wiremock-3.13.1", process, port);
    }

    /** JVM options of a server under test: the JVM's defaults (as {@code ./acs-emulator} runs), or a maximum heap. */
    private static List<String> serverJvm(String maxHeap) {
        return maxHeap == null ? List.of() : List.of("-Xmx" + maxHeap);
    }

    private RequestSigner signer(int port) {
        return new RequestSigner(Base64.getDecoder().decode(EmulatorConfig.WELL_KNOWN_KEY), "127.0.0.1:" + port,
                Boolean.parseBoolean(options.getOrDefault("repeatability", "true")));
    }

    private Path emulatorJar() throws IOException {
        Path explicit = options.containsKey("emulator-jar") ? Path.of(options.get("emulator-jar")) : null;
        if (explicit != null) {
            return explicit;
        }
        Path target = siblingOfOwnJar(".").resolve("../../emulator/target").normalize();
        try (var files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-all.jar")).findFirst()
                    .orElseThrow(() -> new IOException("No emulator/target/*-all.jar: build with "
                            + "mvn -B -Pbenchmarks -pl benchmarks -am package -DskipTests"));
        }
    }

    /**
     * The JVM options the emulator ships with ({@code emulator/jvm.options}, which {@code ./acs-emulator} and the
     * container image pass too), so the emulator is measured as it runs.
     */
    private static List<String> emulatorJvmOptions() throws IOException {
        Path file = siblingOfOwnJar(".").resolve("../../emulator/jvm.options").normalize();
        return Files.readAllLines(file).stream().map(String::trim).filter(line -> !line.isEmpty()).toList();
    }

    private static Path siblingOfOwnJar(String name) {
        try {
            Path own = Path.of(LoadBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return own.getParent().resolve(name);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void pinSelf() throws IOException, InterruptedException {
        long pid = ProcessHandle.current().pid();
        Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", String.valueOf(GENERATOR_CORE),
                String.valueOf(pid)).redirectErrorStream(true).start();
        taskset.getInputStream().readAllBytes();
        if (taskset.waitFor() != 0) {
            System.err.println("warning: could not pin the load generator to core " + GENERATOR_CORE);
        }
    }

    private static void log(StepResult step) {
        System.out.printf("%-22s %-18s offered %8.0f %-11s achieved %8.0f  p50 %8.1f us  p99 %8.1f us  p99.9 %8.1f us"
                        + "  events %d/%d (p50 %.1f p99 %.1f us)  cpu %3.0f%%  rss %4d MiB  load %.1f  %s%s%n",
                step.scenario(), step.server(), step.offered(), step.unit(), step.achieved(), step.restP50(),
                step.restP99(), step.restP999(), step.eventsDelivered(), step.eventsExpected(), step.eventP50(),
                step.eventP99(), step.serverCpuPercent(), step.serverRssBytes() >> 20, step.machineLoad(),
                step.sustained() ? "sustained" : "NOT sustained",
                step.firstError() == null ? "" : "  first error: " + step.firstError());
    }

    /** Everything one run measured. */
    static final class Results {
        final String commandLine;
        final List<StepResult> steps = new ArrayList<>();
        final Map<String, StepResult> maxSustainable = new LinkedHashMap<>();
        final List<HeldResult> held = new ArrayList<>();
        final List<BigCall.BigCallResult> bigCalls = new ArrayList<>();
        /** The emulator's CPU time for one big call with nothing else running, and what was seen of that call. */
        double bigCallAloneCpuSeconds = -1;
        BigCall.BigCallResult bigCallAlone;
        /** That CPU time per kind of thread ({@link ThreadCpu}), and how many big calls ran alone before it. */
        Map<String, Double> bigCallAloneCpuByThread = Map.of();
        int bigCallAloneWarmups;
        final Map<Integer, String> heapHistograms = new LinkedHashMap<>();
        final List<Double> startupEmulatorMillis = new ArrayList<>();
        final List<Double> startupNettyMillis = new ArrayList<>();
        double startupEmulatorFreshDataDirMillis = -1;
        String emulatorJar;
        int getCallResponseBytes;
        boolean emulatorReady;
        double durationSeconds;

        Results(String commandLine) {
            this.commandLine = commandLine;
        }

        static double median(List<Double> values) {
            if (values.isEmpty()) {
                return -1;
            }
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        }
    }

    /** Heap and RSS of the emulator before and after it holds {@code calls} idle connected calls. */
    record HeldResult(int calls, int connected, String maxHeap, long heapBefore, long heapAfter, long rssBefore,
                      long rssAfter, long eventsExpected, long eventsDelivered) {
        double heapPerCall() {
            return connected == 0 ? -1 : (double) (heapAfter - heapBefore) / connected;
        }
    }

    static String joined(double[] values) {
        return Arrays.toString(values);
    }
}
