package dev.acsemulator.browser;

import com.azure.communication.callautomation.CallAutomationClient;
import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.common.CommunicationUserIdentifier;
import dev.acsemulator.Emulator;
import dev.acsemulator.admin.client.ControlClient;
import dev.acsemulator.junit5.AcsEmulatorTest;
import dev.acsemulator.junit5.CallbackReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every browser test shares: the suite's emulator (or a class's own), a headless Chromium opened on its
 * dashboard, and the rule that the page logged no error to its console. Without Chromium the tests are skipped,
 * saying why, unless {@code ACS_EMULATOR_REQUIRE_BROWSER=true} (CI installs it), when they fail instead.
 */
@AcsEmulatorTest(configurer = BrowserSetup.class)
abstract class BrowserTest {

    static final String RESOURCE_USER_PREFIX = "8:acs:0a5e0000-ca11-4a7e-8000-000000000001_";
    static final Duration PATIENCE = Duration.ofSeconds(20);

    static final Path DOWNLOADS = Path.of(System.getProperty("acs.browser.downloads", "target/downloads"));

    static ChromeDriver browser;

    Emulator emulator;
    CallbackReceiver receiver;
    ControlClient control;
    private String testName;

    @BeforeAll
    static void startTheBrowser() {
        var missing = HeadlessChromium.unavailableBecause();
        if (missing.isPresent()) {
            if (HeadlessChromium.required()) {
                throw new IllegalStateException(HeadlessChromium.REQUIRE + "=true but " + missing.get());
            }
            Assumptions.abort("Browser tests skipped: " + missing.get());
        }
        try {
            Files.createDirectories(DOWNLOADS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        browser = HeadlessChromium.start(DOWNLOADS);
    }

    @AfterAll
    static void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @BeforeEach
    void wire(Emulator injected, CallbackReceiver injectedReceiver, ControlClient injectedControl, TestInfo test) {
        this.emulator = injected;
        this.receiver = injectedReceiver;
        this.control = injectedControl;
        this.testName = test.getTestMethod().map(method -> method.getName()).orElse("test");
        browser.manage().logs().get(LogType.BROWSER); // what an earlier test left is not this one's
    }

    @AfterEach
    void thePageLoggedNoErrors() {
        screenshot(testName);
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(entry -> !expectedByThisTest(entry.getMessage())).toList();
        assertThat(errors).as("errors in the page's console").isEmpty();
    }

    /**
     * A console line this test causes on purpose (Chromium logs every 4xx answer to a fetch as an error, e.g. the 401
     * that makes the page ask for the admin token). None by default.
     */
    boolean expectedByThisTest(String consoleMessage) {
        return false;
    }

    /** Opens the dashboard and waits until its modules have run. */
    void openDashboard() {
        browser.get(emulator.dashboardUrl());
        waitUntil(ExpectedConditions.attributeToBe(By.tagName("html"), "data-ready", "true"));
    }

    WebElement waitFor(By locator) {
        return new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    <T> T waitUntil(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, PATIENCE).until(condition);
    }

    /** A PNG of the page as it is now, under target/screenshots. */
    static Path screenshot(String name) {
        Path directory = Path.of(System.getProperty("acs.browser.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(name + ".png");
            Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String person() {
        return RESOURCE_USER_PREFIX + UUID.randomUUID();
    }

    static String newCallbackPath() {
        return "/callbacks/" + UUID.randomUUID();
    }

    /** A call the application made through the official SDK to a simulated person, once it is connected. */
    record PersonCall(String serverCallId, String callConnectionId, String callbackPath, String person) { }

    PersonCall callAPerson(CallAutomationClient client) {
        String path = newCallbackPath();
        String target = person();
        String connectionId = client.createCall(new CallInvite(new CommunicationUserIdentifier(target)),
                receiver.url(path)).getCallConnectionProperties().getCallConnectionId();
        receiver.awaitEventSequence(path, "CallConnected", "ParticipantsUpdated");
        return new PersonCall(control.callOfConnection(connectionId).path("serverCallId").asText(), connectionId,
                path, target);
    }

    /** Selects a call in the list, once the list shows it. */
    void selectCall(String serverCallId) {
        waitFor(By.cssSelector("button[data-call='" + serverCallId + "']")).click();
        waitFor(By.cssSelector("#diagram svg"));
    }

    /** The kinds and labels of the diagram's arrows, top to bottom. */
    @SuppressWarnings("unchecked")
    List<String> arrowLabels() {
        // Read in one script: the diagram redraws as items arrive, which would stale elements read one by one.
        return (List<String>) browser.executeScript("return Array.from(document.querySelectorAll("
                + "'#diagram g.arrow'), arrow => arrow.getAttribute('aria-label'));");
    }
}
