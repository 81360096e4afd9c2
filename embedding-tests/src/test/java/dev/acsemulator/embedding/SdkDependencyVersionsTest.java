package dev.acsemulator.embedding;

import com.azure.communication.callautomation.CallAutomationClient;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * This project runs on the Netty and Jackson that azure-communication-callautomation 1.0.4 resolves to (4.1.94 and
 * 2.13.5), not on the emulator's: it fails as soon as someone aligns them with the emulator's again, through a BOM,
 * a parent or an unrelocated emulator jar.
 */
class SdkDependencyVersionsTest {

    @Test
    void theSdkRunsOnNetty41AndTheEmulatorsNettyIsRelocated() throws Exception {
        assertThat(io.netty.util.Version.identify().get("netty-common").artifactVersion()).startsWith("4.1.");
        assertThat(jarOf(io.netty.channel.Channel.class)).startsWith("netty-transport-4.1.");
        assertThat(jarOf(Class.forName("reactor.netty.http.client.HttpClient"))).startsWith("reactor-netty-http-1.0.");
        assertThatThrownBy(() -> Class.forName("io.netty.util.concurrent.ThreadAwareExecutor"))
                .as("a Netty 4.2 class on the application's class path").isInstanceOf(ClassNotFoundException.class);
        assertThat(Class.forName("dev.acsemulator.shaded.io.netty.util.concurrent.ThreadAwareExecutor"))
                .as("the emulator's own Netty 4.2, relocated").isNotNull();
    }

    @Test
    void theSdkRunsOnJackson213AndTheEmulatorsJacksonIsRelocated() throws Exception {
        assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString()).startsWith("2.13.");
        assertThat(jarOf(com.fasterxml.jackson.databind.ObjectMapper.class)).startsWith("jackson-databind-2.13.");
        assertThat(Class.forName("dev.acsemulator.shaded.com.fasterxml.jackson.databind.ObjectMapper"))
                .as("the emulator's own Jackson, relocated").isNotNull();
    }

    @Test
    void theEmulatorComesAsOneRelocatedJarWithoutItsOwnNettyOrJacksonJars() throws Exception {
        assertThat(jarOf(dev.acsemulator.Emulator.class)).isEqualTo("acs-emulator-0.1.0-SNAPSHOT.jar");
        assertThat(jarOf(CallAutomationClient.class)).isEqualTo("azure-communication-callautomation-1.0.4.jar");
        assertThat(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .noneMatch(entry -> entry.contains("4.2.7.Final") || entry.contains("jackson-databind-2.20"));
    }

    @Test
    void theEmulatorJarHoldsNoUnrelocatedLibraryClass() throws Exception {
        Path jar = Path.of(dev.acsemulator.Emulator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (JarFile contents = new JarFile(jar.toFile())) {
            assertThat(contents.stream().map(JarEntry::getName).filter(name -> name.endsWith(".class")))
                    .isNotEmpty()
                    .allMatch(name -> name.startsWith("dev/acsemulator/"));
        }
    }

    private static String jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString();
    }
}
