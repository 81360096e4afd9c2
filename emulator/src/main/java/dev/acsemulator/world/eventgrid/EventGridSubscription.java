package dev.acsemulator.world.eventgrid;

import dev.acsemulator.call.Identifier;

import java.util.List;

/**
 * An Event Grid webhook subscription on the emulated resource's system topic, delivering IncomingCall events.
 *
 * @param name            the subscription name, sent as {@code aeg-subscription-name}
 * @param endpoint        the application's webhook URL
 * @param toRawIds        deliver only calls to these raw ids (an advanced filter on {@code data.to.rawId}); empty: all
 * @param toRawIdPrefixes deliver only calls to raw ids starting with one of these; empty: no prefix filter
 */
public record EventGridSubscription(String name, String endpoint, List<String> toRawIds,
                                    List<String> toRawIdPrefixes) {

    public EventGridSubscription {
        toRawIds = toRawIds == null ? List.of() : List.copyOf(toRawIds);
        toRawIdPrefixes = toRawIdPrefixes == null ? List.of() : List.copyOf(toRawIdPrefixes);
    }

    public boolean matches(Identifier to) {
        if (toRawIds.isEmpty() && toRawIdPrefixes.isEmpty()) {
            return true;
        }
        if (toRawIds.contains(to.rawId())) {
            return true;
        }
        for (String prefix : toRawIdPrefixes) {
            if (to.rawId().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
