package dev.acsemulator.browser;

import com.azure.communication.callautomation.CallAutomationClient;
import com.azure.communication.callautomation.models.RecordingStateResult;
import com.azure.communication.callautomation.models.ServerCallLocator;
import com.azure.communication.callautomation.models.StartRecordingOptions;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The phone's other buttons (say, hold, unhold, hear, hang up) and the world view's recording download. */
class PersonActionsBrowserTest extends BrowserTest {

    @Test
    void thePersonSaysAPhraseHoldsResumesHearsTheCallAndHangsUpFromThePhone(CallAutomationClient client) {
        PersonCall call = callAPerson(client);
        openDashboard();
        selectCall(call.serverCallId());
        new Select(waitFor(By.id("phone-person"))).selectByValue(call.person());

        browser.findElement(By.id("phone-phrase")).sendKeys("I would like to pay my bill");
        browser.findElement(By.xpath("//input[@id='phone-phrase']/ancestor::form//button[@type='submit']")).click();
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("phone-status"),
                "said \"I would like to pay my bill\""));
        browser.findElement(By.id("phone-hold")).click();
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("phone-status"), "on hold"));
        browser.findElement(By.id("phone-unhold")).click();
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("phone-status"), "back from hold"));

        JsonNode journal = control.call(call.serverCallId()).path("journal");
        List<String> personLines = new ArrayList<>();
        journal.forEach(line -> {
            if (line.path("subject").asText().equals(call.person())) {
                personLines.add(line.path("input").path("speech").asText(line.path("detail").asText()));
            }
        });
        assertThat(personLines).containsSubsequence("I would like to pay my bill", "put the call on hold",
                "resumed the call");

        browser.findElement(By.id("phone-heard")).click();
        waitUntil(page -> (Boolean) browser.executeScript("const audio = document.getElementById('phone-audio');"
                + "return audio.src.startsWith('blob:') && audio.readyState >= 1 && audio.duration > 0;"));

        browser.findElement(By.id("phone-hang-up")).click();
        // The hold and the unhold each showed in a roster (isOnHold), then the hang-up ended the call.
        receiver.awaitEventSequence(call.callbackPath(), "CallConnected", "ParticipantsUpdated", "ParticipantsUpdated",
                "ParticipantsUpdated", "CallDisconnected");
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("phone-status"), "hung up"));
    }

    @Test
    void aRecordingTheAppMadeIsDownloadedFromTheWorldView(CallAutomationClient client) throws Exception {
        PersonCall call = callAPerson(client);
        RecordingStateResult started = client.getCallRecording()
                .start(new StartRecordingOptions(new ServerCallLocator(call.serverCallId())));
        await().atMost(PATIENCE).until(() -> control.call(call.serverCallId()).path("journal").toString()
                .contains("-> ACTIVE")); // the bot joined: the file will hold audio
        client.getCallRecording().stop(started.getRecordingId());
        String documentId = await().atMost(PATIENCE).until(() -> recordingOf(call.serverCallId()), id -> id != null);
        Path file = DOWNLOADS.resolve(documentId + ".wav");
        Files.deleteIfExists(file);

        openDashboard();
        browser.findElement(By.id("tab-world")).click();
        waitFor(By.cssSelector("button[aria-label='Download recording " + documentId + "']")).click();

        await().atMost(PATIENCE).until(() -> Files.isRegularFile(file) && Files.size(file) > 44
                && !Files.exists(DOWNLOADS.resolve(documentId + ".wav.crdownload")));
        byte[] wav = Files.readAllBytes(file);
        assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(wav, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WAVE");
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("recording-status"), "downloaded"));
    }

    /** The document id of the call's recording file, once the emulator holds it. */
    private String recordingOf(String serverCallId) {
        for (JsonNode recording : control.recordings().path("recordings")) {
            if (recording.path("serverCallId").asText().equals(serverCallId)) {
                return recording.path("documentId").asText();
            }
        }
        return null;
    }
}
