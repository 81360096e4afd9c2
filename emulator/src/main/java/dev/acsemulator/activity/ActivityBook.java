package dev.acsemulator.activity;

import dev.acsemulator.call.Call;
import dev.acsemulator.call.CallRegistry;
import dev.acsemulator.runtime.LaneSource;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

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
    private final LaneSource lanes;
    /** The calls whose changed summary waits on their lane to be published. */
    private final Set<String> summariesDue = ConcurrentHashMap.newKeySet();
    private final ActivityWords words = new ActivityWords();

    /** @param lanes the calls' lanes, where a changed summary is published once the change's task is done */
    public ActivityBook(CallRegistry registry, Clock clock, int maxItemsPerCall, ActivityFeed feed,
                        LaneSource lanes) {
        this.lanes = lanes;
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
                json -> ActivityJson.writeItem(json, activity.serverCallId(), item));
    }

    /**
     * The call's summary changed: while anyone reads the feed, it is published as a {@code call} event once the
     * call's lane has finished what it is doing. Changes made meanwhile (a connection created, its state, a person
     * joining, all in one task) go out as one summary, built when it is sent; a change after that is sent again, so
     * the last state always reaches the page.
     */
    void changed(CallActivity activity) {
        String serverCallId = activity.serverCallId();
        if (!feed.hasSubscribers() || !summariesDue.add(serverCallId)) {
            return;
        }
        try {
            lanes.forKey(serverCallId).execute(() -> {
                summariesDue.remove(serverCallId);
                feed.publish("call", serverCallId, json -> ActivityJson.writeSummary(json, summary(activity)));
            });
        } catch (RejectedExecutionException closing) {
            summariesDue.remove(serverCallId); // the emulator is closing, and its feed with it
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
