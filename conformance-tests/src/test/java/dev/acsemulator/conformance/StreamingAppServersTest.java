package dev.acsemulator.conformance;

import dev.acsemulator.testsupport.AppStreamServer;
import dev.acsemulator.conformance.support.TranscriptServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A conformance test whose application listens for both of the service's sockets: a media stream server and a
 * transcription server, started for each test and closed after it, and the Azure AI services link transcription
 * needs.
 */
abstract class StreamingAppServersTest extends ConformanceTest {

    static final String AI = "\"callIntelligenceOptions\":{\"cognitiveServicesEndpoint\":"
            + "\"https://ai.example.cognitiveservices.azure.com/\"}";

    AppStreamServer streamApp;
    final TranscriptServer transcriptApp = new TranscriptServer();

    @BeforeEach
    void startStreamServer() throws InterruptedException {
        streamApp = new AppStreamServer();
    }

    @AfterEach
    void closeServers() {
        streamApp.close();
        transcriptApp.close();
    }
}
