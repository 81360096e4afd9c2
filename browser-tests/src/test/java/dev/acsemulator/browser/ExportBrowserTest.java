package dev.acsemulator.browser;

import com.azure.communication.callautomation.CallAutomationClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A call for a bug report: the page's three exports, as the browser saves them. */
class ExportBrowserTest extends BrowserTest {

    @Test
    void theCallExportsAsJsonAndItsDiagramAsSvgAndMermaid(CallAutomationClient client) throws Exception {
        openDashboard();
        PersonCall call = callAPerson(client);
        String serverCallId = call.serverCallId();
        String target = call.person();
        selectCall(serverCallId);
        waitUntil(page -> arrowLabels().stream().anyMatch(label -> label.contains("ParticipantsUpdated")));
        String safe = serverCallId.replaceAll("[^A-Za-z0-9_-]", "_");
        String stem = "call-" + safe.substring(Math.max(0, safe.length() - 48));
        for (String extension : new String[] {".svg", ".mmd", ".json"}) {
            Files.deleteIfExists(DOWNLOADS.resolve(stem + extension));
        }

        browser.findElement(By.id("export-svg")).click();
        Path svg = downloaded(stem + ".svg");
        Document drawn = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertThat(drawn.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(drawn.getDocumentElement().getAttribute("xmlns")).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(Files.readString(svg)).contains("CreateCall 201").contains("CallConnected").contains(target)
                .doesNotContain("tabindex");

        browser.findElement(By.id("export-mermaid")).click();
        assertThat(Files.readString(downloaded(stem + ".mmd"))).startsWith("sequenceDiagram").contains("CallConnected");

        browser.findElement(By.id("export-json")).click();
        JsonNode exported = new ObjectMapper().readTree(downloaded(stem + ".json").toFile());
        assertThat(exported.path("call").path("serverCallId").asText()).isEqualTo(serverCallId);
        assertThat(exported.path("activity").isArray()).isTrue();
        assertThat(exported.path("activity")).isNotEmpty();
    }

    private static Path downloaded(String name) {
        Path file = DOWNLOADS.resolve(name);
        await().atMost(PATIENCE).until(() -> Files.isRegularFile(file) && Files.size(file) > 0
                && !Files.exists(DOWNLOADS.resolve(name + ".crdownload")));
        return file;
    }
}
