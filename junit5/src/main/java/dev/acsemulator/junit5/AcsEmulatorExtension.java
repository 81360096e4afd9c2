package dev.acsemulator.junit5;

import dev.acsemulator.Emulator;
import dev.acsemulator.admin.client.ControlClient;
import dev.acsemulator.config.EmulatorConfig;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts (or reuses) the emulator of an {@link AcsEmulatorTest} class, injects what tests need, gives each test a
 * callback history of its own, and resets the emulator's configured state after each test. Shared emulators live
 * until the JVM ends; per-class ones close after the class. Nothing JVM-wide is set: the injected SDK client trusts
 * the emulator through its own HTTP client.
 */
public final class AcsEmulatorExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            AcsEmulatorExtension.class);
    private static final Map<Class<? extends EmulatorConfigurer>, Running> SHARED = new ConcurrentHashMap<>();

    /** An emulator and its callback receiver. */
    public record Running(Emulator emulator, CallbackReceiver receiver) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            emulator.close();
            receiver.close();
        }
    }

    /** The shared emulator of a configurer, started on first use: for helpers outside test parameters. */
    public static Running shared(Class<? extends EmulatorConfigurer> configurer) {
        return SHARED.computeIfAbsent(configurer, AcsEmulatorExtension::start);
    }

    /** The shared emulator of a configurer if one was started. */
    public static java.util.Optional<Running> sharedIfStarted(Class<? extends EmulatorConfigurer> configurer) {
        return java.util.Optional.ofNullable(SHARED.get(configurer));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    /**
     * The test's callback history starts empty, and events of the calls earlier tests made (all the calls the
     * emulator knows at this point) stay out of it even when they arrive during this test.
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        Running running = running(context);
        running.receiver().beginTest(running.emulator().serverCallIds());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        running(context).emulator().control().reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Emulator.class || type == ControlClient.class || type == CallbackReceiver.class
                || type == String.class && parameter.isAnnotated(ConnectionString.class)
                || SdkClients.available() && type.getName().equals(
                "com.azure.communication.callautomation.CallAutomationClient");
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = running(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == Emulator.class) {
            return running.emulator();
        }
        if (type == ControlClient.class) {
            return running.emulator().control();
        }
        if (type == CallbackReceiver.class) {
            return running.receiver();
        }
        if (type == String.class) {
            return running.emulator().connectionString();
        }
        if (type.getName().equals("com.azure.communication.callautomation.CallAutomationClient")) {
            return SdkClients.callAutomationClient(running.emulator());
        }
        throw new ParameterResolutionException("Cannot inject " + type);
    }

    private static Running running(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        AcsEmulatorTest settings = AnnotationSupport.findAnnotation(testClass, AcsEmulatorTest.class)
                .orElseThrow(() -> new IllegalStateException(testClass + " is not annotated @AcsEmulatorTest"));
        if (settings.scope() == AcsEmulatorTest.Scope.SHARED) {
            return shared(settings.configurer());
        }
        ExtensionContext classContext = context.getTestMethod().isPresent() && context.getParent().isPresent()
                ? context.getParent().get() : context;
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(testClass,
                key -> start(settings.configurer()), Running.class);
    }

    private static Running start(Class<? extends EmulatorConfigurer> configurerClass) {
        CallbackReceiver receiver = new CallbackReceiver();
        Path dataDir = dataDir();
        EmulatorConfig.Builder builder = EmulatorConfig.builder()
                .httpsPort(0)
                .httpPort(0)
                .dataDir(dataDir)
                .recordingStorage(EmulatorConfig.RecordingStorage.MEMORY)
                .answerDelay(Duration.ofMillis(100));
        instantiate(configurerClass).configure(builder, receiver);
        return new Running(Emulator.start(builder.build()), receiver);
    }

    /**
     * {@code target/acs-emulator-data} when run from a Maven module, shared by every emulator the extension starts
     * (one certificate, so a trust store exported once stays valid), else a new temporary directory.
     */
    private static Path dataDir() {
        try {
            Path target = Path.of("target");
            return Files.isDirectory(target) ? Files.createDirectories(target.resolve("acs-emulator-data"))
                    .toAbsolutePath() : Files.createTempDirectory("acs-emulator-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmulatorConfigurer instantiate(Class<? extends EmulatorConfigurer> type) {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
                 | InvocationTargetException e) {
            throw new IllegalStateException(type + " needs a no-argument constructor", e);
        }
    }
}
