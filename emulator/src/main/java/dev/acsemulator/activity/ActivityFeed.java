package dev.acsemulator.activity;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.acsemulator.http.EventStream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The live feed's subscribers and what is published to them as Server-Sent Events ({@code event:} name and one
 * {@code data:} line of JSON). Publishing costs one volatile read while no one subscribes: the JSON is built only when
 * someone will read it, once for all subscribers, as the bytes of one frame (items and summaries stream their JSON
 * straight into it, {@link SseFrames}). Each subscriber writes through its connection's bounded outbound buffer,
 * in batches of what one turn of the event loops published; one that stops reading is dropped
 * ({@link EventStream.Sink#send}), never waited for.
 */
public final class ActivityFeed {

    /** How often an idle feed sends a comment line, so proxies and the page can tell it is alive. */
    static final long HEARTBEAT_MILLIS = 15_000;

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    /** Whether anyone reads the feed now; publishers skip building what no one reads. */
    public boolean hasSubscribers() {
        return !subscribers.isEmpty();
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /** Writes one event's JSON; called once for all subscribers, only when someone reads the feed. */
    @FunctionalInterface
    public interface JsonBody {
        void write(JsonGenerator json) throws IOException;
    }

    /**
     * Sends the {@code event} built by {@code data} to every subscriber that wants it: all of them when
     * {@code serverCallId} is null (clock, world), else those reading all calls or that call.
     */
    public void publish(String event, String serverCallId, Supplier<String> data) {
        publishFrame(serverCallId, () -> frame(event, data.get()).getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #publish(String, String, Supplier)}, the JSON streamed by {@code body} straight into the frame. */
    public void publish(String event, String serverCallId, JsonBody body) {
        publishFrame(serverCallId, () -> SseFrames.frame(event, body));
    }

    private void publishFrame(String serverCallId, Supplier<byte[]> build) {
        if (subscribers.isEmpty()) {
            return;
        }
        byte[] frame = null;
        for (Subscriber subscriber : subscribers) {
            if (subscriber.wants(serverCallId)) {
                if (frame == null) {
                    frame = build.get();
                }
                if (!subscriber.sink.send(frame)) {
                    leave(subscriber);
                }
            }
        }
    }

    /**
     * A stream that joins the feed once its headers are written: all calls, or only {@code serverCallId}'s. It
     * starts with {@code firstFrames} (the calls as they are now), built when it joins.
     */
    public EventStream subscribe(String serverCallId, Supplier<List<String>> firstFrames) {
        return sink -> {
            Subscriber subscriber = new Subscriber(serverCallId, sink);
            sink.send(": acs-emulator activity feed\n\n");
            subscribers.add(subscriber);
            sink.whenClosed(() -> leave(subscriber));
            sink.every(HEARTBEAT_MILLIS, () -> sink.send(": heartbeat\n\n"));
            for (String frame : firstFrames.get()) {
                sink.send(frame);
            }
        };
    }

    /** One Server-Sent Event: its name and its JSON on one {@code data:} line (JSON has no raw line breaks). */
    public static String frame(String event, String json) {
        return "event: " + event + "\ndata: " + json + "\n\n";
    }

    private void leave(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    private record Subscriber(String serverCallId, EventStream.Sink sink) {
        boolean wants(String aboutCall) {
            return serverCallId == null || aboutCall == null || serverCallId.equals(aboutCall);
        }
    }
}
