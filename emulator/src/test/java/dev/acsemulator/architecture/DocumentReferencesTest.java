package dev.acsemulator.architecture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product's documents are self-contained: no file of the repository points outside it, and every section it cites
 * in docs/ exists. The first test checks the repository itself; the others show, on a small repository made for the
 * test, that each kind of broken reference is found and named by file and line.
 */
class DocumentReferencesTest {

    /** The section sign, written as an escape so that this file holds no citation of its own. */
    private static final String SECTION = "\u00a7";
    /** The test repository's document, its name split so that the real repository's check does not look for it. */
    private static final String GUIDE = "docs" + "/guide.md";

    @TempDir
    Path repository;

    @BeforeEach
    void writeADocument() throws IOException {
        write(GUIDE, """
                # Guide
                ## 2. Events
                ### 2.20 HangUp and Terminate
                ## D. Event Grid
                ### D1. Schema
                ```
                ## 9. Not a heading: inside a code block
                ```
                """);
    }

    @Test
    void noFileOfTheRepositoryPointsOutsideItOrCitesASectionThatDoesNotExist() {
        Path root = RepositoryFiles.root();
        DocumentReferences references = new DocumentReferences(root);
        List<String> problems = new ArrayList<>();
        for (Path file : RepositoryFiles.textFiles(root)) {
            problems.addAll(references.problemsIn(file, RepositoryFiles.read(file).orElseThrow()));
        }
        assertThat(problems).as("references a user of the repository cannot follow").isEmpty();
    }

    @Test
    void aPathToTheTeamsNotesIsReportedWithItsFileAndLine() {
        String notes = String.join("/", "..", "shared", "docs", "call-automation-behaviour.md");

        assertThat(problems("README.md", "# Readme\n\nSee `" + notes + "`.\n"))
                .containsExactly("README.md:3: points outside the repository ("
                        + String.join("/", "..", "shared") + ")");
    }

    @Test
    void aCitationOfASectionWithoutAHeadingIsReported() {
        assertThat(problems("src/Call.java", "/** " + GUIDE + " " + SECTION + "2.20 and " + SECTION + "2.21. */\n"))
                .containsExactly("src/Call.java:1: cites " + GUIDE + " " + SECTION + "2.21, which has no such heading");
    }

    @Test
    void aHeadingInsideACodeBlockIsNoSection() {
        assertThat(problems("src/Call.java", "// " + GUIDE + " " + SECTION + "9\n"))
                .containsExactly("src/Call.java:1: cites " + GUIDE + " " + SECTION + "9, which has no such heading");
    }

    @Test
    void aBareCitationRefersToTheDocumentLastNamedBeforeIt() {
        String javaFile = "/** Events of guide.md " + SECTION + "2. */\nclass Call {\n    /** " + SECTION + "2.20, "
                + SECTION + "D1. */\n    void hangUp() {}\n    /** " + SECTION + "3. */\n}\n";

        assertThat(problems("src/Call.java", javaFile))
                .containsExactly("src/Call.java:5: cites " + GUIDE + " " + SECTION + "3, which has no such heading");
    }

    @Test
    void aBareCitationInCodeThatNamesNoDocumentIsReported() {
        assertThat(problems("src/Call.java", "/** " + SECTION + "2.20: hang up. */\n"))
                .containsExactly("src/Call.java:1: cites " + SECTION
                        + "2.20 without naming a document of docs/ before it");
    }

    @Test
    void aBareCitationInMarkdownThatNamesNoDocumentRefersToTheFileItself() {
        String analysis = "# Analysis\n## 2. Allocation\nSee " + SECTION + "2 and " + SECTION + "4.\n";

        assertThat(problems("benchmarks/ANALYSIS.md", analysis))
                .containsExactly("benchmarks/ANALYSIS.md:3: cites benchmarks/ANALYSIS.md " + SECTION
                        + "4, which has no such heading");
    }

    @Test
    void aDocumentOfDocsThatDoesNotExistIsReported() {
        assertThat(problems("src/Call.java", "// see docs/" + "missing.md\n"))
                .containsExactly("src/Call.java:1: names docs/" + "missing.md, which does not exist");
    }

    @Test
    void anAnchorWithoutAHeadingIsReportedAndOneWithAHeadingIsNot() {
        String readme = "[hang-up](" + GUIDE + "#220-hangup-and-terminate)\n[hold](" + GUIDE + "#212-hold)\n";

        assertThat(problems("README.md", readme))
                .containsExactly("README.md:2: links " + GUIDE + "#212-hold, which has no such heading");
    }

    @Test
    void aMarkdownLinkThatLeavesTheRepositoryOrFindsNoFileIsReported() {
        String readme = "[design](../DESIGN.md) and [spec](openapi/spec.json) and [guide](" + GUIDE + ")\n";

        assertThat(problems("README.md", readme)).containsExactly(
                "README.md:1: links ../DESIGN.md, outside the repository",
                "README.md:1: links openapi/spec.json, which does not exist");
    }

    @Test
    void anchorsAreTheOnesGitHubRenders() {
        assertThat(MarkdownHeadings.anchorOf("2.20 HangUp and Terminate")).isEqualTo("220-hangup-and-terminate");
        assertThat(MarkdownHeadings.anchorOf("`docs/` and the §")).isEqualTo("docs-and-the-");
    }

    private List<String> problems(String file, String text) {
        return new DocumentReferences(repository).problemsIn(Path.of(file), text);
    }

    private void write(String file, String text) throws IOException {
        Path path = repository.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}
