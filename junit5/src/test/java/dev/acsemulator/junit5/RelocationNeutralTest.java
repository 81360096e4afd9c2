package dev.acsemulator.junit5;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extension's classes name no relocated type (they use only emulator members typed with JDK and emulator
 * types), so they link against the embeddable acs-emulator, against which the published jar is compiled, and
 * against acs-emulator-core alike, as in this repository's conformance suite.
 */
class RelocationNeutralTest {

    @Test
    void noExtensionClassRefersToTheEmulatorsRelocatedLibraries() throws Exception {
        Path classes = Path.of(AcsEmulatorExtension.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(classes).isDirectory();
        try (Stream<Path> files = Files.walk(classes)) {
            List<Path> classFiles = files.filter(file -> file.toString().endsWith(".class")).toList();
            assertThat(classFiles).isNotEmpty();
            assertThat(classFiles).filteredOn(RelocationNeutralTest::namesARelocatedType)
                    .as("classes referring to dev.acsemulator.shaded").isEmpty();
        }
    }

    private static boolean namesARelocatedType(Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1)
                    .contains("dev/acsemulator/shaded/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
