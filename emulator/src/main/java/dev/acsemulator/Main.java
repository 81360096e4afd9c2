package dev.acsemulator;

import dev.acsemulator.config.ConfigLoader;
import dev.acsemulator.config.ConfigOptions;
import dev.acsemulator.config.EmulatorConfig;
import dev.acsemulator.logging.SimpleLoggerSettings;

import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar acs-emulator.jar [--option=value ...]}: starts the emulator and prints how to connect. No logger
 * may be created before the configuration is read: the log level is set from it first.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                printHelp();
                return;
            }
        }
        EmulatorConfig config;
        try {
            config = ConfigLoader.load(args, System.getenv());
        } catch (IllegalArgumentException | java.io.IOException e) {
            System.err.println("acs-emulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        SimpleLoggerSettings.apply(config.logLevel(), System.getProperties());
        Emulator emulator = Emulator.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "acs-emulator-shutdown"));
        printBanner(emulator);
        stopped.await();
    }

    private static void printBanner(Emulator emulator) {
        StringBuilder banner = new StringBuilder();
        banner.append("ACS Call Automation Emulator is ready.\n");
        if (emulator.httpsPort() > 0) {
            banner.append("  Connection string : ").append(emulator.connectionString()).append('\n');
        }
        if (emulator.httpPort() > 0) {
            banner.append("  Plain HTTP        : ").append(emulator.httpConnectionString())
                    .append("   (JS: allowInsecureConnection: true)\n");
        }
        banner.append("  Truststore (Java) : ").append(emulator.truststorePath())
                .append("   -Djavax.net.ssl.trustStore=").append(emulator.truststorePath())
                .append(" -Djavax.net.ssl.trustStorePassword=changeit\n");
        banner.append("  Certificate (PEM) : ").append(emulator.certificatePemPath())
                .append("   NODE_EXTRA_CA_CERTS=").append(emulator.certificatePemPath()).append('\n');
        String base = emulator.httpsPort() > 0 ? emulator.httpsEndpoint() : emulator.httpEndpoint();
        banner.append("  Control API       : ").append(emulator.controlApiUrl())
                .append(emulator.config().adminToken() == null ? "" : "   (Authorization: Bearer <adminToken>)")
                .append('\n');
        banner.append("  Dashboard         : ").append(emulator.dashboardUrl())
                .append(emulator.config().adminToken() == null ? "" : "   (asks for the admin token)").append('\n');
        banner.append("  Health            : ").append(base).append("health\n");
        banner.append("  Callback JWT keys : ").append(base).append("calling/.well-known/acsopenidconfiguration\n");
        System.out.print(banner);
        System.out.flush();
    }

    private static void printHelp() {
        StringBuilder help = new StringBuilder("Usage: acs-emulator [--config=FILE] [--option=value ...]\n\n");
        help.append("Options (flag | environment variable | default):\n");
        for (ConfigOptions.Option option : ConfigOptions.ALL) {
            help.append(String.format("  %-28s %-40s %s%n      %s%n", option.flag(), option.environmentVariable(),
                    option.defaultValue(), option.description()));
        }
        System.out.print(help);
    }
}
