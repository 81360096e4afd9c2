package dev.acsemulator.browser;

import com.azure.communication.callautomation.CallAutomationClient;
import com.azure.communication.callautomation.CallConnection;
import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.callautomation.models.CallMediaRecognizeDtmfOptions;
import com.azure.communication.callautomation.models.DtmfResult;
import com.azure.communication.callautomation.models.DtmfTone;
import com.azure.communication.callautomation.models.events.RecognizeCompleted;
import com.azure.communication.common.CommunicationUserIdentifier;
import com.azure.core.util.Context;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Be the person: the phone of the calls view acts as a simulated participant. */
class PhoneBrowserTest extends BrowserTest {

    @Test
    void keysPressedOnTheDialPadDuringARecognizeArriveAtTheAppAsRecognizeCompleted(CallAutomationClient client) {
        PersonCall call = callAPerson(client);
        String path = call.callbackPath();
        String target = call.person();
        String serverCallId = call.serverCallId();
        CallConnection connection = client.getCallConnection(call.callConnectionId());
        connection.getCallMedia().startRecognizingWithResponse(new CallMediaRecognizeDtmfOptions(
                new CommunicationUserIdentifier(target), 2).setInitialSilenceTimeout(Duration.ofSeconds(60))
                .setInterToneTimeout(Duration.ofSeconds(30)).setOperationContext("menu"), Context.NONE);

        openDashboard();
        selectCall(serverCallId);
        new Select(waitFor(By.id("phone-person"))).selectByValue(target);
        browser.findElement(By.cssSelector(".dialpad button[data-tone='four']")).click();
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("phone-status"), "pressed 4"));
        browser.findElement(By.cssSelector(".dialpad button[data-tone='two']")).click();

        receiver.awaitEventSequence(path, "CallConnected", "ParticipantsUpdated", "RecognizeCompleted");
        RecognizeCompleted completed = receiver.events(path).stream()
                .filter(RecognizeCompleted.class::isInstance).map(RecognizeCompleted.class::cast).findFirst()
                .orElseThrow();
        assertThat(completed.getOperationContext()).isEqualTo("menu");
        assertThat(((DtmfResult) completed.getRecognizeResult().orElseThrow()).getTones())
                .containsExactly(DtmfTone.FOUR, DtmfTone.TWO);
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("phone-status"), "pressed 2"));
        waitUntil(page -> arrowLabels().stream().anyMatch(label -> label.contains("RecognizeCompleted")));
        BrowserTest.screenshot("phone");
    }

    @Test
    void aRingingInvitationOfAManualIdentityIsAnsweredByHandFromThePhone(CallAutomationClient client) {
        String path = newCallbackPath();
        String manual = person() + "_manual";
        String connectionId = client.createCall(new CallInvite(new CommunicationUserIdentifier(manual)),
                receiver.url(path)).getCallConnectionProperties().getCallConnectionId();
        String serverCallId = control.callOfConnection(connectionId).path("serverCallId").asText();

        openDashboard();
        selectCall(serverCallId);
        WebElement answer = waitFor(By.cssSelector("#phone-invitations button.answer"));
        assertThat(browser.findElement(By.id("phone-invitations")).getText()).contains(manual);
        assertThat(receiver.eventTypes(path)).as("nothing happens before the person answers").isEmpty();
        answer.click();

        receiver.awaitEventSequence(path, "CallConnected", "ParticipantsUpdated");
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("phone-status"), "answered " + manual));
    }
}
