package dev.acsemulator.browser;

import dev.acsemulator.config.EmulatorConfig.ClockMode;
import dev.acsemulator.config.EmulatorConfig;
import dev.acsemulator.junit5.AcsEmulatorTest;
import dev.acsemulator.junit5.CallbackReceiver;
import dev.acsemulator.junit5.EmulatorConfigurer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** An emulator on a manual clock behind an admin token: the page asks for the token, then moves time. */
@AcsEmulatorTest(configurer = ManualClockBrowserTest.LockedManualClock.class, scope = AcsEmulatorTest.Scope.PER_CLASS)
class ManualClockBrowserTest extends BrowserTest {

    static final String TOKEN = "dashboard-test-token";

    public static final class LockedManualClock implements EmulatorConfigurer {
        @Override
        public void configure(EmulatorConfig.Builder builder, CallbackReceiver receiver) {
            builder.clockMode(ClockMode.MANUAL).adminToken(TOKEN);
        }
    }

    @Test
    void theTokenPromptUnlocksThePageAndAdvancingTheManualClockMovesTheEmulatorsTime() {
        openDashboard();
        WebElement token = waitFor(By.id("token-input"));
        token.sendKeys(TOKEN);
        browser.findElement(By.cssSelector("#token-form button[type='submit']")).click();
        waitUntil(ExpectedConditions.textToBe(By.id("clock-mode"), "manual"));
        Instant before = Instant.parse(control.clock().path("now").asText());

        browser.findElement(By.id("tab-world")).click();
        WebElement by = waitFor(By.id("clock-by"));
        by.clear();
        by.sendKeys("PT45S");
        browser.findElement(By.id("clock-advance-button")).click();
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("clock-status"), "advanced to"));

        Instant after = Instant.parse(control.clock().path("now").asText());
        assertThat(Duration.between(before, after)).isEqualTo(Duration.ofSeconds(45));
        waitUntil(ExpectedConditions.textToBe(By.id("clock-now"), after.toString()));
        assertThat(browser.findElement(By.id("feed-status")).getText()).doesNotContain("admin token");
        BrowserTest.screenshot("manual-clock");
    }

    /** Before the token is typed, the control API answers 401, which is what makes the page ask for it. */
    @Override
    boolean expectedByThisTest(String consoleMessage) {
        return consoleMessage.contains("status of 401");
    }
}
