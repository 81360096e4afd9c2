package dev.acsemulator.benchmarks.load;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Times a server from process start to its first successful HTTPS request ({@code GET /health} answered 200),
 * polling every 2 ms from this (already warm) JVM.
 */
final class StartupProbe {

    private final HttpClient client;
    private final Path dataDir;

    StartupProbe(Path dataDir) throws GeneralSecurityException {
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        this.client = HttpClient.newBuilder().sslContext(trustAll).connectTimeout(Duration.ofSeconds(2)).build();
        this.dataDir = dataDir;
    }

    /** Runs the probe's own TLS and HTTP code paths once, against the bare server, so its first use is not timed. */
    void warmUp() throws Exception {
        int port = LoadBenchmark.freePort();
        timeToFirstHttps(List.of(ServerProcess.javaBinary(), "-cp", ServerProcess.ownClassPath(),
                ServerMain.class.getName(), "netty-https", dataDir.toString(), String.valueOf(port)), port);
    }

    double timeToFirstHttps(List<String> command, int port) throws Exception {
        URI health = URI.create("https://127.0.0.1:" + port + "/health");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = started + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                try {
                    HttpResponse<Void> response = client.send(HttpRequest.newBuilder(health)
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return (System.nanoTime() - started) / 1e6;
                    }
                } catch (IOException notYet) {
                    if (!process.isAlive()) {
                        throw new IOException("Server exited with " + process.exitValue() + ": " + command);
                    }
                }
                Thread.sleep(2);
            }
            throw new IOException("No HTTPS answer within 60 s: " + command);
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Waits until a plain-HTTP server answers anything at all. */
    static void awaitHttp(int port, long timeoutMillis) throws Exception {
        HttpClient plain = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline) {
            try {
                plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/__admin/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IOException("Nothing answered on port " + port + " within " + timeoutMillis + " ms");
    }
}
