package dev.acsemulator.browser;

import com.azure.communication.callautomation.CallAutomationClient;
import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.common.CommunicationUserIdentifier;
import com.azure.core.exception.HttpResponseException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Set up the world: a fault rule typed into the page strikes the application's next request. */
class FaultBrowserTest extends BrowserTest {

    @Test
    void aFaultRuleAddedInThePageFiresOnTheNextCreateCallAndThePageShowsItFired(CallAutomationClient client) {
        openDashboard();
        browser.findElement(By.id("tab-world")).click();
        WebElement rule = waitFor(By.id("fault-json"));
        rule.clear();
        rule.sendKeys("{\"count\":1,\"match\":{\"operation\":\"CreateCall\"},\"fault\":{\"type\":\"httpError\","
                + "\"status\":400,\"code\":\"BadRequest\",\"message\":\"Injected from the dashboard.\"}}");
        browser.findElement(By.id("fault-add-button")).click();
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("fault-rules"), "Injected from the dashboard."));

        HttpResponseException refused = catchThrowableOfType(HttpResponseException.class, () -> client.createCall(
                new CallInvite(new CommunicationUserIdentifier(person())), receiver.url(newCallbackPath())));

        assertThat(refused.getResponse().getStatusCode()).isEqualTo(400);
        assertThat(refused.getMessage()).contains("Injected from the dashboard.");
        String ruleId = control.faults().path("applied").get(0).path("ruleId").asText();
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("fault-applied"), ruleId));
        assertThat(browser.findElement(By.id("fault-applied")).getText()).contains("on CreateCall");
        assertThat(control.faults().path("applied")).hasSize(1);
        BrowserTest.screenshot("world");
    }
}
