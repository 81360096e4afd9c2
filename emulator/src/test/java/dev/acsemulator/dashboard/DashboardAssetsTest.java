package dev.acsemulator.dashboard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardAssetsTest {

    @Test
    void theFilesAreReadFromInsideAJarAsTheRunnableJarCarriesThem(@TempDir Path directory) throws IOException {
        Path jar = directory.resolve("emulator.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            entry(out, "dashboard/index.html", "<!doctype html>");
            entry(out, "dashboard/js/app.js", "export {};");
            entry(out, "dashboard/notes.txt", "not served");
            entry(out, "other/thing.js", "not the dashboard's");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            DashboardAssets assets = DashboardAssets.from(loader);

            assertThat(assets.paths()).containsExactlyInAnyOrder("index.html", "js/app.js");
            assertThat(new String(assets.find("js/app.js").orElseThrow().body(), StandardCharsets.UTF_8))
                    .isEqualTo("export {};");
        }
    }

    @Test
    void theFilesAreReadFromADirectoryAsTheBuildLeavesThem() {
        DashboardAssets assets = DashboardAssets.fromClassPath();

        assertThat(assets.paths()).contains("index.html", "css/dashboard.css", "js/app.js", "favicon.svg");
    }

    private static void entry(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
