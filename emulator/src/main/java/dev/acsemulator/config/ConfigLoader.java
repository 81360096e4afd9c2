package dev.acsemulator.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.faults.FaultJson;
import dev.acsemulator.world.BehaviourJson;
import dev.acsemulator.delivery.eventgrid.EventGridSubscription;
import dev.acsemulator.delivery.eventgrid.EventGridSubscriptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Builds the configuration from defaults ← config file (JSON) ← environment ← flags. The file is named by
 * {@code --config=PATH} or {@code ACS_EMULATOR_CONFIG}; it may also hold {@code eventGridSubscriptions}, a list of
 * {@code {"name","endpoint","toRawIds":[],"toRawIdPrefixes":[]}}.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    public static EmulatorConfig load(String[] args, Map<String, String> environment) throws IOException {
        EmulatorConfig.Builder builder = EmulatorConfig.builder();
        String configFile = flagValue(args, "--config");
        if (configFile == null) {
            configFile = environment.get("ACS_EMULATOR_CONFIG");
        }
        if (configFile != null) {
            applyFile(builder, Path.of(configFile));
        }
        for (ConfigOptions.Option option : ConfigOptions.ALL) {
            String value = environment.get(option.environmentVariable());
            if (value != null) {
                apply(option, builder, value, option.environmentVariable());
            }
        }
        for (String arg : args) {
            if (arg.startsWith("--config=")) {
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument " + arg + "; options look like --name=value.");
            }
            int equals = arg.indexOf('=');
            String flag = equals < 0 ? arg : arg.substring(0, equals);
            String value = equals < 0 ? "true" : arg.substring(equals + 1);
            ConfigOptions.Option option = ConfigOptions.ALL.stream().filter(o -> o.flag().equals(flag)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown option " + flag
                            + "; see --help for the list."));
            apply(option, builder, value, flag);
        }
        return builder.build();
    }

    static void applyFile(EmulatorConfig.Builder builder, Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(file));
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("Config file " + file + " must hold a JSON object");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("eventGridSubscriptions")) {
                builder.eventGridSubscriptions(subscriptions(field.getValue()));
                continue;
            }
            if (field.getKey().equals("faults")) {
                int[] serial = {0};
                field.getValue().forEach(rule -> builder.fault(FaultJson.read(rule, () -> "config-" + ++serial[0])));
                continue;
            }
            if (field.getKey().equals("identities")) {
                identities(builder, field.getValue());
                continue;
            }
            ConfigOptions.Option option = ConfigOptions.named(field.getKey());
            if (option == null) {
                throw new IllegalArgumentException("Unknown option '" + field.getKey() + "' in " + file);
            }
            apply(option, builder, scalar(field.getValue()), file + ": " + field.getKey());
        }
    }

    private static List<EventGridSubscription> subscriptions(JsonNode list) {
        List<EventGridSubscription> subscriptions = new ArrayList<>();
        for (JsonNode node : list) {
            subscriptions.add(EventGridSubscriptions.read(node));
        }
        return subscriptions;
    }

    /** {@code "identities": [{"rawId": "4:+1425...", "behaviour": {"response": "busy"}}, ...]}. */
    private static void identities(EmulatorConfig.Builder builder, JsonNode list) {
        if (!list.isArray()) {
            throw new IllegalArgumentException("identities must be an array of {rawId, behaviour}");
        }
        for (JsonNode node : list) {
            String rawId = node.path("rawId").asText(null);
            if (rawId == null || rawId.isBlank()) {
                throw new IllegalArgumentException("Each identity needs a rawId");
            }
            builder.behaviour(Identifier.fromRawId(rawId), BehaviourJson.read(node.get("behaviour")));
        }
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node != null) {
            node.forEach(value -> values.add(value.asText()));
        }
        return values;
    }

    private static String scalar(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return String.join(",", items);
        }
        return value.asText();
    }

    private static void apply(ConfigOptions.Option option, EmulatorConfig.Builder builder, String value, String where) {
        try {
            option.apply().accept(builder, value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid value '" + value + "' for " + where + ": " + e.getMessage(), e);
        }
    }

    private static String flagValue(String[] args, String flag) {
        for (String arg : args) {
            if (arg.startsWith(flag + "=")) {
                return arg.substring(flag.length() + 1);
            }
        }
        return null;
    }
}
