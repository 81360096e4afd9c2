package dev.acsemulator.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import rules of ARCHITECTURE.md, checked on the compiled classes: each top-level package of
 * {@code dev.acsemulator} may use only the packages listed for it (its own sub-packages always), and no two packages
 * reach each other. A new package must be given its row here and in ARCHITECTURE.md before it compiles into a build.
 */
class PackageRulesTest {

    private static final String ROOT = "dev.acsemulator";

    /** Package → the emulator packages it may import. Mirrors the table of ARCHITECTURE.md. */
    static final Map<String, Set<String>> MAY_IMPORT = Map.ofEntries(
            entry("http", Set.of()),
            entry("tls", Set.of()),
            entry("runtime", Set.of()),
            // The access log decorates the HTTP edge's RequestHandler; delivery and config use its levels and lines.
            entry("logging", Set.of("http")),
            entry("call", Set.of("runtime")),
            entry("json", Set.of("call")),
            entry("events", Set.of("call", "json")),
            entry("delivery", Set.of("call", "events", "http", "logging", "runtime", "tls")),
            entry("world", Set.of("call", "delivery", "events", "runtime")),
            entry("api", Set.of("call", "events", "http", "json", "runtime")),
            entry("faults", Set.of("api", "call", "delivery", "events", "runtime")),
            entry("config", Set.of("call", "delivery", "faults", "logging", "runtime", "world")),
            // The dashboard's activity taps the REST edge, the journals, deliveries and faults, and renders events.
            entry("activity", Set.of("api", "call", "delivery", "events", "faults", "http", "logging", "runtime")),
            entry("admin", Set.of("activity", "api", "call", "config", "delivery", "events", "faults", "http", "json",
                    "runtime", "world")),
            // The dashboard's static files: HTTP answers, and 404/405 from the control API's error catalogue.
            entry("dashboard", Set.of("api", "http")));

    /** The domain knows neither HTTP nor JSON; the runtime knows nothing but the JDK. */
    static final Map<String, List<String>> MAY_NOT_USE_LIBRARIES = Map.of(
            "call", List.of("io.netty..", "com.fasterxml..", "com.networknt.."),
            "runtime", List.of("io.netty..", "com.fasterxml..", "com.networknt.."),
            "events", List.of("io.netty.."),
            "world", List.of("io.netty.."));

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void everyPackageHasARule() {
        Set<String> packages = new TreeSet<>();
        classes.forEach(javaClass -> {
            String name = javaClass.getPackageName();
            if (name.startsWith(ROOT + ".")) {
                packages.add(name.substring(ROOT.length() + 1).split("\\.")[0]);
            }
        });
        assertThat(MAY_IMPORT.keySet()).as("packages with an import rule").containsAll(packages);
    }

    @Test
    void packagesImportOnlyWhatTheirRowAllows() {
        for (Map.Entry<String, Set<String>> row : MAY_IMPORT.entrySet()) {
            String[] forbidden = MAY_IMPORT.keySet().stream()
                    .filter(other -> !other.equals(row.getKey()) && !row.getValue().contains(other))
                    .map(other -> ROOT + "." + other + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage(ROOT + "." + row.getKey() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                    .because("ARCHITECTURE.md: " + row.getKey() + " may import only " + new TreeSet<>(row.getValue()))
                    .check(classes);
        }
    }

    @Test
    void nothingButTheWiringImportsTheWiring() {
        noClasses().that().resideInAPackage(ROOT + ".*..")
                .should().dependOnClassesThat().resideInAPackage(ROOT)
                .because("Emulator, FrontDoor and Main wire the packages together; no package reaches back up")
                .check(classes);
    }

    @Test
    void theDomainAndTheRuntimeStayFreeOfTransportAndJson() {
        MAY_NOT_USE_LIBRARIES.forEach((pkg, libraries) -> noClasses().that().resideInAPackage(ROOT + "." + pkg + "..")
                .should().dependOnClassesThat().resideInAnyPackage(libraries.toArray(String[]::new))
                .check(classes));
    }

    /**
     * Sub-packages of the domain with a row of their own: {@code call.recording} (recordings, their files and
     * storage) builds on calls, their events and their media, and nothing else in the domain reaches into it, so a
     * call knows nothing of recordings beyond its end and input listeners.
     */
    static final Map<String, Set<String>> DOMAIN_SUB_PACKAGES_MAY_IMPORT = Map.of(
            "call.recording", Set.of("call", "call.audio", "call.event", "call.media", "runtime"),
            // The audio timeline hears what people put in (call.media's input) and what media plays; a recording
            // renders from it. Media itself does not know the timeline: a call hands it what media reports.
            "call.audio", Set.of("call", "call.media", "runtime"),
            // Media streams build on calls, their events, people's input and the audio timeline they carry; the
            // transport that reaches the application is an interface here, implemented by delivery/websocket.
            "call.streaming", Set.of("call", "call.audio", "call.event", "call.media", "runtime"));

    @Test
    void theRestOfTheDomainDoesNotImportTheRecordingPackage() {
        noClasses().that().resideInAPackage(ROOT + ".call..").and().resideOutsideOfPackage(ROOT + ".call.recording..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".call.recording..")
                .because("ARCHITECTURE.md: call/recording builds on " + DOMAIN_SUB_PACKAGES_MAY_IMPORT
                        .get("call.recording") + "; the rest of the domain does not know it")
                .check(classes);
    }

    @Test
    void theRestOfTheDomainDoesNotImportTheStreamingPackage() {
        noClasses().that().resideInAPackage(ROOT + ".call..").and().resideOutsideOfPackage(ROOT + ".call.streaming..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".call.streaming..")
                .because("ARCHITECTURE.md: call/streaming builds on " + DOMAIN_SUB_PACKAGES_MAY_IMPORT
                        .get("call.streaming") + "; the rest of the domain does not know it")
                .check(classes);
    }

    @Test
    void theAudioTimelineBuildsOnlyOnCallsTheirMediaAndTheRuntime() {
        noClasses().that().resideInAPackage(ROOT + ".call.audio..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".call.event..", ROOT + ".call.recording..")
                .because("ARCHITECTURE.md: call/audio builds on " + DOMAIN_SUB_PACKAGES_MAY_IMPORT.get("call.audio"))
                .check(classes);
    }

    @Test
    void mediaDoesNotImportTheAudioTimeline() {
        noClasses().that().resideInAPackage(ROOT + ".call.media..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".call.audio..")
                .because("ARCHITECTURE.md: call/media reports sounds through its watchers; the call feeds the timeline")
                .check(classes);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
