package dev.acsemulator.activity;

import dev.acsemulator.call.Call;
import dev.acsemulator.call.CallRegistry;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every remembered call's activity, and the live feed it is published to. An activity exists only for a call the
 * registry knows (an attempt still retried after its call was forgotten does not bring it back) and goes when the
 * call is forgotten ({@code endedCallRetention}, {@code endedCallsRemembered}).
 */
public final class ActivityBook {

    private final Map<String, CallActivity> calls = new ConcurrentHashMap<>();
    private final CallRegistry registry;
    private final Clock clock;
    private final int maxItemsPerCall;
    private final ActivityFeed feed;
    private final CausingRequests causing = new CausingRequests();
    private final ActivityWords words = new ActivityWords();

    public ActivityBook(CallRegistry registry, Clock clock, int maxItemsPerCall, ActivityFeed feed) {
        this.registry = registry;
        this.clock = clock;
        this.maxItemsPerCall = maxItemsPerCall;
        this.feed = feed;
        registry.whenForgotten(calls::remove);
    }

    public ActivityFeed feed() {
        return feed;
    }

    public Optional<CallActivity> find(String serverCallId) {
        return Optional.ofNullable(calls.get(serverCallId));
    }

    /** Records {@code draft} in the call's activity and publishes it; nothing when the call is not known. */
    void record(String serverCallId, ActivityItem.Draft draft) {
        CallActivity activity = activityOf(serverCallId);
        if (activity != null) {
            causing.holdNumberIn(activity);
            activity.append(draft, this::published);
        }
    }

    CausingRequests causing() {
        return causing;
    }

    /** Records a request's item: under the numbers its work held in the calls it touched, else as the next one. */
    void recordRequest(String serverCallId, CausingRequests.InFlight request, ActivityItem.Draft draft) {
        CallActivity named = activityOf(serverCallId);
        boolean filledNamed = false;
        synchronized (request) {
            for (Map.Entry<CallActivity, Long> held : request.reserved.entrySet()) {
                held.getKey().fill(held.getValue(), request.arrived, draft, this::published);
                filledNamed |= held.getKey() == named;
            }
        }
        if (named != null && !filledNamed) {
            named.append(draft, request.arrived, this::published);
        }
    }

    /** The call's activity, begun now if the call is known and has none yet; null for a call the registry lacks. */
    CallActivity activityOf(String serverCallId) {
        if (serverCallId == null) {
            return null;
        }
        CallActivity activity = calls.get(serverCallId);
        if (activity != null) {
            return activity;
        }
        return registry.call(serverCallId).isEmpty() ? null
                : calls.computeIfAbsent(serverCallId, id -> new CallActivity(id, clock, maxItemsPerCall, words));
    }

    private void published(ActivityItem item, CallActivity activity) {
        feed.publish("activity", activity.serverCallId(),
                () -> ActivityJson.item(activity.serverCallId(), item).toString());
    }

    /** Publishes the call's summary as a {@code call} event, when anyone reads the feed. */
    void changed(CallActivity activity) {
        if (feed.hasSubscribers()) {
            feed.publish("call", activity.serverCallId(), () -> ActivityJson.summary(summary(activity)).toString());
        }
    }

    public CallSummary summary(CallActivity activity) {
        String correlationId = registry.call(activity.serverCallId()).map(Call::correlationId).orElse(null);
        return activity.summary(correlationId);
    }

    /** The summaries of every call with an activity, for a subscriber that just joined. */
    public List<CallSummary> summaries() {
        return calls.values().stream().map(this::summary).toList();
    }
}
