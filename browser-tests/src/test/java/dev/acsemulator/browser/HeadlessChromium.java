package dev.acsemulator.browser;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;

/**
 * Debian's {@code chromium} and {@code chromium-driver}, found where the packages put them (or at
 * {@code ACS_EMULATOR_CHROMIUM} / {@code ACS_EMULATOR_CHROMEDRIVER}), started headless. Selenium Manager is never
 * asked to download a browser: the build runs offline.
 */
final class HeadlessChromium {

    static final String REQUIRE = "ACS_EMULATOR_REQUIRE_BROWSER";

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private HeadlessChromium() {
    }

    /** Why no browser can run here, or empty when one can. */
    static Optional<String> unavailableBecause() {
        if (browser().isEmpty()) {
            return Optional.of("no Chromium at " + BROWSERS + " or ACS_EMULATOR_CHROMIUM "
                    + "(apt-get install -y chromium chromium-driver)");
        }
        if (driver().isEmpty()) {
            return Optional.of("no chromedriver at " + DRIVERS + " or ACS_EMULATOR_CHROMEDRIVER "
                    + "(apt-get install -y chromium-driver)");
        }
        return Optional.empty();
    }

    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv(REQUIRE));
    }

    /**
     * A headless Chromium at 1280 px wide that keeps the page's console log, trusts the emulator's certificate and
     * saves downloads in {@code downloads}.
     */
    static ChromeDriver start(Path downloads) {
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath()
                .toString(), "download.prompt_for_download", false));
        options.setBinary(browser().orElseThrow());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--lang=en-US");
        // The emulator's certificate is self-signed, made for this run.
        options.setAcceptInsecureCerts(true);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driver().orElseThrow())).build();
        return new ChromeDriver(service, options);
    }

    private static Optional<String> browser() {
        return firstExisting(System.getenv("ACS_EMULATOR_CHROMIUM"), BROWSERS);
    }

    private static Optional<String> driver() {
        return firstExisting(System.getenv("ACS_EMULATOR_CHROMEDRIVER"), DRIVERS);
    }

    private static Optional<String> firstExisting(String configured, List<String> candidates) {
        if (configured != null && !configured.isBlank()) {
            return Files.isExecutable(Path.of(configured)) ? Optional.of(configured) : Optional.empty();
        }
        return candidates.stream().filter(candidate -> Files.isExecutable(Path.of(candidate))).findFirst();
    }
}
