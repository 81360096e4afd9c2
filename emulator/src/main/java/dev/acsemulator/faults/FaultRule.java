package dev.acsemulator.faults;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault rule: what it matches, what it injects, how many times at most (null: no limit) and with what probability.
 */
public final class FaultRule {

    private final String id;
    private final FaultMatch match;
    private final Fault fault;
    private final Integer count;
    private final double probability;
    private final AtomicInteger applied = new AtomicInteger();

    public FaultRule(String id, FaultMatch match, Fault fault, Integer count, double probability) {
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("probability must be between 0 and 1");
        }
        if (count != null && count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        this.id = id;
        this.match = match;
        this.fault = fault;
        this.count = count;
        this.probability = probability;
    }

    /** The same rule with nothing applied yet (a reset starts configured rules afresh). */
    public FaultRule fresh() {
        return new FaultRule(id, match, fault, count, probability);
    }

    /** Claims one application of the rule if it still has one left. */
    boolean claim() {
        if (count == null) {
            applied.incrementAndGet();
            return true;
        }
        return applied.getAndUpdate(used -> used < count ? used + 1 : used) < count;
    }

    public String id() {
        return id;
    }

    public FaultMatch match() {
        return match;
    }

    public Fault fault() {
        return fault;
    }

    public Integer count() {
        return count;
    }

    public double probability() {
        return probability;
    }

    public int applied() {
        return applied.get();
    }
}
