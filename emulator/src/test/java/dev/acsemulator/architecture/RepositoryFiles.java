package dev.acsemulator.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The text files of the repository as a user gets them: everything under the root except what git ignores (build
 * output, the emulator's data folder, editor and npm folders, see {@code .gitignore}) and git's own folder.
 */
final class RepositoryFiles {

    /** Folders that are not part of the product wherever they appear: {@code .git} and the folders of .gitignore. */
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "node_modules", ".idea",
            ".acs-emulator");

    private RepositoryFiles() {
    }

    /** The repository root, found from the working directory Maven runs the module's tests in. */
    static Path root() {
        Path directory = Path.of("").toAbsolutePath();
        for (Path candidate = directory; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("pom.xml")) && Files.isDirectory(candidate.resolve("emulator"))
                    && Files.isDirectory(candidate.resolve("openapi"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no repository root (with pom.xml, emulator/ and openapi/) above " + directory);
    }

    /** Every text file under {@code root}, sorted; a file holding a NUL byte counts as binary and is left out. */
    static List<Path> textFiles(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .filter(path -> root.relativize(path).getNameCount() > 0 && !inSkippedFolder(root, path))
                    .filter(path -> read(path).isPresent())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's text as UTF-8 (malformed bytes replaced), or empty when it is binary. */
    static Optional<String> read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            for (byte b : bytes) {
                if (b == 0) {
                    return Optional.empty();
                }
            }
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean inSkippedFolder(Path root, Path file) {
        Path relative = root.relativize(file);
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            if (SKIPPED_FOLDERS.contains(relative.getName(i).toString())) {
                return true;
            }
        }
        return false;
    }
}
