package dev.acsemulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed feature-support matrix ({@code docs/feature-support.md}) and the README's summary are what the route
 * table generates today. With {@code -Dacs.regenerate=true} the test writes them instead of comparing.
 */
class FeatureSupportDocsTest {

    private static final boolean REGENERATE = Boolean.getBoolean("acs.regenerate");
    private static WiredRoutes wired;
    private static FeatureSupport support;
    private static Path root;

    @BeforeAll
    static void generate() {
        wired = new WiredRoutes();
        support = new FeatureSupport(wired.table);
        root = repositoryRoot();
    }

    @AfterAll
    static void stop() {
        wired.close();
    }

    @Test
    void theCommittedMatrixIsTheOneTheRouteTableGenerates() throws IOException {
        Path document = root.resolve("docs/feature-support.md");
        if (REGENERATE) {
            Files.createDirectories(document.getParent());
            Files.writeString(document, support.document());
        }
        compare(document, support.document());
    }

    @Test
    void theReadmeSummaryIsTheOneTheRouteTableGenerates() throws IOException {
        Path readme = root.resolve("README.md");
        String current = Files.readString(readme);
        String expected = support.readme(current);
        if (REGENERATE) {
            Files.writeString(readme, expected);
            current = expected;
        }
        compare(readme, expected);
        assertThat(current).contains(FeatureSupport.README_START, FeatureSupport.README_END);
    }

    @Test
    void theReadmeSummaryFollowsTheFirstParagraphAndIsReplacedInPlace() {
        String readme = "# Title\n\nFirst paragraph,\non two lines.\n\n## Next\n\nMore.\n";

        String once = support.readme(readme);

        assertThat(once).startsWith("# Title\n\nFirst paragraph,\non two lines.\n\n" + FeatureSupport.README_START)
                .endsWith(FeatureSupport.README_END + "\n\n## Next\n\nMore.\n");
        assertThat(support.readme(once)).isEqualTo(once);
    }

    @Test
    void theSummaryLeadsWithWhatWorksAndNamesWhatAnswers501() {
        String summary = support.readmeSummary();

        assertThat(summary.lines().filter(line -> line.startsWith("| Calls | "))).singleElement().asString()
                .contains("AnswerCall", "CreateCall", "TransferToParticipant").endsWith(" | — |");
        String[] media = summary.lines().filter(line -> line.startsWith("| Media | ")).findFirst().orElseThrow()
                .split(" \\| ");
        assertThat(media[1]).as("what works").startsWith("CancelAllMediaOperations, ")
                .contains("Hold", "Play", "Recognize", "SendDtmfTones", "StartContinuousDtmfRecognition",
                        "StartTranscription", "Unhold");
        assertThat(media[2]).as("what answers 501").doesNotContain("Play", "Recognize", "Transcription");
        assertThat(summary.indexOf("works")).isLessThan(summary.indexOf("501"));
    }

    @Test
    void everyDeviationARouteCitesIsAnEntryOfDeviationsMd() throws IOException {
        Set<Integer> entries = new TreeSet<>();
        Matcher entry = Pattern.compile("(?m)^(\\d+)\\. \\*\\*").matcher(
                Files.readString(root.resolve("openapi/DEVIATIONS.md")));
        while (entry.find()) {
            entries.add(Integer.parseInt(entry.group(1)));
        }
        Set<Integer> cited = new TreeSet<>();
        wired.table.routes().forEach(route -> cited.addAll(route.deviations()));

        assertThat(cited).isNotEmpty();
        assertThat(entries).as("entries of openapi/DEVIATIONS.md").containsAll(cited);
    }

    private static void compare(Path file, String expected) throws IOException {
        String committed = Files.exists(file) ? Files.readString(file) : "";
        if (!committed.equals(expected)) {
            fail(root.relativize(file) + " is not what the route table generates. Regenerate it with\n  "
                    + FeatureSupport.REGENERATE + "\nand commit the result.");
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("openapi/api-versions.json"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("No repository root (with openapi/api-versions.json) above the working "
                    + "directory");
        }
        return dir;
    }
}
