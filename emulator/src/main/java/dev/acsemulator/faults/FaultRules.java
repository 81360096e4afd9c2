package dev.acsemulator.faults;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;

/**
 * The active fault rules and the journal of every fault applied. Decorators ask for the first rule of their site
 * that matches; the probability draw comes from the seeded source, so a seeded run makes the same decisions.
 */
public final class FaultRules {

    /** One applied fault. */
    public record Applied(Instant time, String ruleId, String fault, FaultContext context) { }

    private static final int MAX_JOURNAL = 10_000;

    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final List<Consumer<Applied>> listeners = new CopyOnWriteArrayList<>();
    private final List<Applied> journal = new ArrayList<>();
    private final RandomGenerator random;
    private final Clock clock;

    public FaultRules(RandomGenerator random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    /** Also tells {@code listener} of every fault applied from now on (on the thread that applies it). */
    public void whenApplied(Consumer<Applied> listener) {
        listeners.add(listener);
    }

    public void add(FaultRule rule) {
        remove(rule.id());
        rules.add(rule);
    }

    public boolean remove(String id) {
        return rules.removeIf(rule -> rule.id().equals(id));
    }

    public void clear() {
        rules.clear();
    }

    /** Forgets the faults applied so far. */
    public void clearJournal() {
        synchronized (journal) {
            journal.clear();
        }
    }

    public List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    /** The fault to inject at this site for this context, if a rule matches, has uses left, and wins its draw. */
    public Optional<Fault> pick(Fault.Site site, FaultContext context) {
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        for (FaultRule rule : rules) {
            if (rule.fault().site() == site && rule.match().matches(context) && draw(rule) && rule.claim()) {
                Applied applied = new Applied(clock.instant(), rule.id(), rule.fault().getClass().getSimpleName(),
                        context);
                synchronized (journal) {
                    if (journal.size() == MAX_JOURNAL) {
                        journal.remove(0);
                    }
                    journal.add(applied);
                }
                listeners.forEach(listener -> listener.accept(applied));
                return Optional.of(rule.fault());
            }
        }
        return Optional.empty();
    }

    public List<Applied> journal() {
        synchronized (journal) {
            return List.copyOf(journal);
        }
    }

    /** Draws from a generator seeded from this rule set's source: deterministic for a seeded run. */
    public RandomGenerator random() {
        return random;
    }

    private boolean draw(FaultRule rule) {
        if (rule.probability() >= 1) {
            return true;
        }
        synchronized (random) {
            return random.nextDouble() < rule.probability();
        }
    }
}
