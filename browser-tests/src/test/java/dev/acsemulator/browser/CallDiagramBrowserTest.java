package dev.acsemulator.browser;

import com.azure.communication.callautomation.CallAutomationClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The calls view: a call the application makes through the official SDK, drawn as its sequence diagram. */
class CallDiagramBrowserTest extends BrowserTest {

    @Test
    void aCallMadeThroughTheSdkAppearsWithItsArrowsInOrder(CallAutomationClient client) {
        openDashboard();
        PersonCall call = callAPerson(client);
        String serverCallId = call.serverCallId();
        String target = call.person();

        selectCall(serverCallId);
        waitUntil(page -> arrowLabels().stream().anyMatch(label -> label.contains("ParticipantsUpdated #1 200")));

        List<String> labels = arrowLabels();
        assertThat(labels.get(0)).as("the first arrow: the application's request, its status and latency")
                .startsWith("1. request from App").contains("CreateCall 201").contains(" ms");
        assertThat(indexOf(labels, "event from Emulator (ACS) to App")).as("CallConnected, sent")
                .isEqualTo(indexOf(labels, "CallConnected"));
        assertThat(labels).as("its delivery, attempt and outcome")
                .anyMatch(label -> label.matches("\\d+\\. delivery from Emulator \\(ACS\\) to App.*: "
                        + "CallConnected #1 200 delivered"));
        assertThat(indexOf(labels, "CallConnected")).as("CallConnected is drawn before ParticipantsUpdated")
                .isLessThan(indexOf(labels, "ParticipantsUpdated"));
        assertThat(browser.findElements(By.cssSelector("#diagram g.lifeline")).stream()
                .map(lifeline -> lifeline.getAttribute("data-lifeline")))
                .as("lifelines: the application, the emulator, the person called")
                .contains("emulator", target).anyMatch(id -> id.startsWith("app"));
        WebElement listed = browser.findElement(By.cssSelector("button[data-call='" + serverCallId + "']"));
        assertThat(listed.getText()).contains(serverCallId).contains(target);
        assertThat(listed.findElement(By.className("state")).getText()).isEqualToIgnoringCase("active");
        BrowserTest.screenshot("dashboard");
    }

    @Test
    void enterOnAFocusedArrowShowsItsFullJson(CallAutomationClient client) {
        openDashboard();
        PersonCall call = callAPerson(client);
        String connectionId = call.callConnectionId();
        selectCall(call.serverCallId());
        waitUntil(page -> arrowLabels().stream().anyMatch(label -> label.contains("CallConnected")));

        WebElement connected = browser.findElements(By.cssSelector("#diagram g.arrow")).stream()
                .filter(arrow -> arrow.getAttribute("aria-label").contains("CallConnected")).findFirst().orElseThrow();
        browser.executeScript("arguments[0].focus()", connected);
        new Actions(browser).sendKeys(Keys.ENTER).perform();

        waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("arrow-json"), "\"CallConnected\""));
        assertThat(browser.findElement(By.id("arrow-json")).getText()).as("the arrow's JSON").startsWith("{")
                .contains(connectionId);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("focus moves to the JSON's heading")
                .isEqualTo("arrow-heading");
        assertThat(browser.findElement(By.cssSelector("#diagram g.arrow[aria-pressed='true']"))
                .getAttribute("aria-label")).contains("CallConnected");
    }

    private static int indexOf(List<String> labels, String text) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
