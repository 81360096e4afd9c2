package dev.acsemulator.activity;

import java.time.Instant;
import java.util.function.LongFunction;

/**
 * One activity item as a few bytes, and back, equal. First a number whose bits say the kind and which fields follow,
 * then the time (nanoseconds from the call's first item, zig-zag), then each field present (the connection before
 * the label, so a label that names the connection names it by its place in {@link CallStrings}), strings as
 * {@link ItemText}. What the bytes leave out is derived when read: the number (from the item's place), the emulator's
 * lifeline, a label that says only what the other fields say ({@link #derivedLabel}), a latency or a duration as
 * whole hundredths of a millisecond or nanoseconds. A detail that holds bodies or an event is kept by reference beside
 * the bytes ({@link #DETAIL_KEPT}); one without (a request nobody watched) is written as its method, target and
 * client request id.
 */
final class ItemCodec {

    private static final ActivityKind[] KINDS = ActivityKind.values();

    private static final int KIND_BITS = 0x7;
    private static final int FROM_EMULATOR = 1 << 3;
    private static final int TO_EMULATOR = 1 << 4;
    private static final int LABEL = 1 << 5;
    private static final int LABEL_DERIVED = 1 << 6;
    private static final int CONNECTION = 1 << 7;
    private static final int STATUS = 1 << 8;
    private static final int LATENCY = 1 << 9;
    private static final int EVENT_ID = 1 << 10;
    private static final int EVENT_TYPE = 1 << 11;
    private static final int OUTCOME = 1 << 12;
    private static final int ATTEMPT = 1 << 13;
    private static final int OPERATION = 1 << 14;
    private static final int EXCHANGE = 1 << 15;
    private static final int REQUEST_ID = 1 << 16;
    /** The item's detail is kept by reference beside the bytes. */
    static final int DETAIL_KEPT = 1 << 17;
    private static final int LATENCY_RAW = 1 << 18;
    private static final int DURATION = 1 << 19;
    private static final int DURATION_RAW = 1 << 20;

    private ItemCodec() {
    }

    /**
     * Writes {@code item} (all but its number) to {@code out}; answers {@link #DETAIL_KEPT} when its detail must be
     * kept by reference, else 0.
     */
    static int write(ActivityItem item, long baseNanos, CallStrings strings, ItemBuffer out) {
        int flags = item.kind().ordinal();
        flags |= ActivityItem.EMULATOR.equals(item.from()) ? FROM_EMULATOR : 0;
        flags |= ActivityItem.EMULATOR.equals(item.to()) ? TO_EMULATOR : 0;
        if (item.label() != null) {
            flags |= item.label().equals(derivedLabel(item.kind(), item.operation(), item.status(), item.outcome(),
                    item.eventType(), item.attempt())) ? LABEL_DERIVED : LABEL;
        }
        flags |= item.connectionId() != null ? CONNECTION : 0;
        flags |= item.status() != null ? STATUS : 0;
        flags |= item.latencyMs() == null ? 0 : wholeHundredths(item.latencyMs()) ? LATENCY : LATENCY_RAW;
        flags |= item.durationMs() == null ? 0 : wholeNanos(item.durationMs()) ? DURATION : DURATION_RAW;
        flags |= item.eventId() != null ? EVENT_ID : 0;
        flags |= item.eventType() != null ? EVENT_TYPE : 0;
        flags |= item.outcome() != null ? OUTCOME : 0;
        flags |= item.attempt() != null ? ATTEMPT : 0;
        flags |= item.operation() != null ? OPERATION : 0;
        if (item.detail() instanceof ActivityDetail.Exchange exchange && !exchange.request().kept()
                && !exchange.response().kept()) {
            flags |= EXCHANGE | (exchange.requestId() != null ? REQUEST_ID : 0);
        } else if (item.detail() != null) {
            flags |= DETAIL_KEPT;
        }
        out.writeVarint(flags);
        out.writeSigned(epochNanos(item.time()) - baseNanos);
        if ((flags & FROM_EMULATOR) == 0) {
            ItemText.writeName(out, item.from(), strings);
        }
        if ((flags & TO_EMULATOR) == 0) {
            ItemText.writeName(out, item.to(), strings);
        }
        if ((flags & CONNECTION) != 0) {
            ItemText.writeName(out, item.connectionId(), strings);
        }
        if ((flags & LABEL) != 0) {
            ItemText.writeText(out, item.label(), strings);
        }
        if ((flags & STATUS) != 0) {
            out.writeSigned(item.status());
        }
        if ((flags & LATENCY) != 0) {
            out.writeSigned(Math.round(item.latencyMs() * 100));
        } else if ((flags & LATENCY_RAW) != 0) {
            out.writeLong(Double.doubleToRawLongBits(item.latencyMs()));
        }
        if ((flags & DURATION) != 0) {
            out.writeSigned(Math.round(item.durationMs() * 1e6));
        } else if ((flags & DURATION_RAW) != 0) {
            out.writeLong(Double.doubleToRawLongBits(item.durationMs()));
        }
        if ((flags & EVENT_ID) != 0) {
            ItemText.writeText(out, item.eventId(), strings);
        }
        if ((flags & EVENT_TYPE) != 0) {
            ItemText.writeText(out, item.eventType(), strings);
        }
        if ((flags & OUTCOME) != 0) {
            ItemText.writeText(out, item.outcome(), strings);
        }
        if ((flags & ATTEMPT) != 0) {
            out.writeSigned(item.attempt());
        }
        if ((flags & OPERATION) != 0) {
            ItemText.writeText(out, item.operation(), strings);
        }
        if ((flags & EXCHANGE) != 0) {
            ActivityDetail.Exchange exchange = (ActivityDetail.Exchange) item.detail();
            ItemText.writeText(out, exchange.method(), strings);
            ItemText.writeText(out, exchange.target(), strings);
            if ((flags & REQUEST_ID) != 0) {
                ItemText.writeText(out, exchange.requestId(), strings);
            }
        }
        return flags & DETAIL_KEPT;
    }

    /** The item at the cursor, numbered {@code seq}; {@code kept} is its detail when it was kept by reference. */
    static ActivityItem read(ItemBuffer.Cursor in, long seq, long baseNanos, CallStrings strings,
                             LongFunction<ActivityDetail> kept) {
        int flags = (int) in.readVarint();
        ActivityKind kind = KINDS[flags & KIND_BITS];
        Instant time = Instant.ofEpochSecond(0, baseNanos + in.readSigned());
        String from = (flags & FROM_EMULATOR) != 0 ? ActivityItem.EMULATOR : ItemText.read(in, strings);
        String to = (flags & TO_EMULATOR) != 0 ? ActivityItem.EMULATOR : ItemText.read(in, strings);
        String connectionId = (flags & CONNECTION) != 0 ? ItemText.read(in, strings) : null;
        String label = (flags & LABEL) != 0 ? ItemText.read(in, strings) : null;
        Integer status = (flags & STATUS) != 0 ? (int) in.readSigned() : null;
        Double latencyMs = milliseconds(in, flags, LATENCY, 100.0, LATENCY_RAW);
        Double durationMs = milliseconds(in, flags, DURATION, 1e6, DURATION_RAW);
        String eventId = (flags & EVENT_ID) != 0 ? ItemText.read(in, strings) : null;
        String eventType = (flags & EVENT_TYPE) != 0 ? ItemText.read(in, strings) : null;
        String outcome = (flags & OUTCOME) != 0 ? ItemText.read(in, strings) : null;
        Integer attempt = (flags & ATTEMPT) != 0 ? (int) in.readSigned() : null;
        String operation = (flags & OPERATION) != 0 ? ItemText.read(in, strings) : null;
        ActivityDetail detail = null;
        if ((flags & EXCHANGE) != 0) {
            detail = new ActivityDetail.Exchange(ItemText.read(in, strings), ItemText.read(in, strings),
                    BoundedBody.NOT_KEPT, BoundedBody.NOT_KEPT,
                    (flags & REQUEST_ID) != 0 ? ItemText.read(in, strings) : null);
        } else if ((flags & DETAIL_KEPT) != 0) {
            detail = kept.apply(seq);
        }
        if ((flags & LABEL_DERIVED) != 0) {
            label = derivedLabel(kind, operation, status, outcome, eventType, attempt);
        }
        return new ActivityItem(seq, time, kind, from, to, label, status, latencyMs, durationMs, eventId, eventType,
                connectionId, outcome, attempt, operation, detail);
    }

    /** Moves the cursor past one item; answers its flags. */
    static int skip(ItemBuffer.Cursor in) {
        int flags = (int) in.readVarint();
        in.readVarint();
        if ((flags & FROM_EMULATOR) == 0) {
            ItemText.skip(in);
        }
        if ((flags & TO_EMULATOR) == 0) {
            ItemText.skip(in);
        }
        skipTextIf(in, flags, CONNECTION);
        skipTextIf(in, flags, LABEL);
        skipNumberIf(in, flags, STATUS);
        skipNumberIf(in, flags, LATENCY);
        if ((flags & LATENCY_RAW) != 0) {
            in.skip(8);
        }
        skipNumberIf(in, flags, DURATION);
        if ((flags & DURATION_RAW) != 0) {
            in.skip(8);
        }
        skipTextIf(in, flags, EVENT_ID);
        skipTextIf(in, flags, EVENT_TYPE);
        skipTextIf(in, flags, OUTCOME);
        skipNumberIf(in, flags, ATTEMPT);
        skipTextIf(in, flags, OPERATION);
        if ((flags & EXCHANGE) != 0) {
            ItemText.skip(in);
            ItemText.skip(in);
            skipTextIf(in, flags, REQUEST_ID);
        }
        return flags;
    }

    /** Whether the item written with {@code flags} has a label (a number held for a request has none). */
    static boolean labelled(int flags) {
        return (flags & (LABEL | LABEL_DERIVED)) != 0;
    }

    /**
     * The label the item's other fields already say, as the taps write it: a request's "{@code operation status}" (or
     * its disposition), an event's type, a delivery's "{@code type #attempt status outcome}"; null for other kinds.
     */
    static String derivedLabel(ActivityKind kind, String operation, Integer status, String outcome, String eventType,
                               Integer attempt) {
        return switch (kind) {
            case REQUEST -> operation == null ? null
                    : operation + " " + (status != null ? String.valueOf(status) : outcome);
            case EVENT -> eventType;
            case DELIVERY, EVENTGRID -> eventType == null || attempt == null || outcome == null ? null
                    : eventType + " #" + attempt + " " + (status != null ? status + " " : "") + outcome;
            default -> null;
        };
    }

    /** A latency or duration: whole {@code perMillisecond} parts under {@code whole}, its bits under {@code raw}. */
    private static Double milliseconds(ItemBuffer.Cursor in, int flags, int whole, double perMillisecond, int raw) {
        if ((flags & whole) != 0) {
            return in.readSigned() / perMillisecond;
        }
        return (flags & raw) != 0 ? Double.valueOf(Double.longBitsToDouble(in.readLong())) : null;
    }

    static long epochNanos(Instant time) {
        return time.getEpochSecond() * 1_000_000_000L + time.getNano();
    }

    private static boolean wholeHundredths(double ms) {
        return Math.abs(ms) < 1e13 && Math.round(ms * 100) / 100.0 == ms
                && Double.doubleToRawLongBits(ms) != Double.doubleToRawLongBits(-0.0);
    }

    private static boolean wholeNanos(double ms) {
        return Math.abs(ms) < 1e9 && Math.round(ms * 1e6) / 1e6 == ms
                && Double.doubleToRawLongBits(ms) != Double.doubleToRawLongBits(-0.0);
    }

    private static void skipTextIf(ItemBuffer.Cursor in, int flags, int flag) {
        if ((flags & flag) != 0) {
            ItemText.skip(in);
        }
    }

    private static void skipNumberIf(ItemBuffer.Cursor in, int flags, int flag) {
        if ((flags & flag) != 0) {
            in.readVarint();
        }
    }
}
