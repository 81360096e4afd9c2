package dev.acsemulator.activity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A call's items, consecutively numbered, written one after the other into one byte array ({@link ItemCodec}) and
 * read back as {@link ActivityItem}s when asked for: an idle call holds a few bytes an item instead of an object
 * graph. At most {@code maxItems} are kept, the oldest going first. Details kept by reference (bodies and events,
 * only while someone watched) sit beside the bytes, under their item's number, and go with it. Not thread-safe: its
 * {@link CallActivity} holds the lock.
 */
final class CompactItems {

    private static final int FIRST_CAPACITY = 64;
    private static final byte[] NONE = new byte[0];

    private final int maxItems;
    private final long baseNanos;
    private final CallStrings strings;
    private byte[] bytes = NONE;
    /** Where the oldest kept item starts, and where the newest ends. */
    private int head;
    private int end;
    private long firstSeq;
    private int count;
    private long dropped;
    private Map<Long, ActivityDetail> kept;

    /** @param baseNanos the epoch nanoseconds items' times are written from (the call's first sighting) */
    CompactItems(int maxItems, long baseNanos, CallStrings strings) {
        this.maxItems = maxItems;
        this.baseNanos = baseNanos;
        this.strings = strings;
    }

    /** Keeps {@code item}, numbered right after the newest; the oldest goes when the bound is reached. */
    void add(ActivityItem item) {
        ItemBuffer out = new ItemBuffer(48);
        int detail = ItemCodec.write(item, baseNanos, strings, out);
        if (count == maxItems) {
            dropOldest();
        }
        if (count == 0) {
            firstSeq = item.seq();
        }
        room(out.length());
        System.arraycopy(out.bytes(), 0, bytes, end, out.length());
        end += out.length();
        count++;
        keepDetail(item, detail);
    }

    /** Puts {@code item} in the place of the one numbered as it is; false when that one is no longer kept. */
    boolean replace(ActivityItem item) {
        long index = item.seq() - firstSeq;
        if (count == 0 || index < 0 || index >= count) {
            return false;
        }
        ItemBuffer.Cursor cursor = new ItemBuffer.Cursor(bytes, head);
        for (long i = 0; i < index; i++) {
            ItemCodec.skip(cursor);
        }
        int start = cursor.position;
        if ((ItemCodec.skip(cursor) & ItemCodec.DETAIL_KEPT) != 0) {
            kept.remove(item.seq());
        }
        int stop = cursor.position;
        ItemBuffer out = new ItemBuffer(48);
        int detail = ItemCodec.write(item, baseNanos, strings, out);
        int grows = out.length() - (stop - start);
        if (grows > 0) {
            int headBefore = head;
            room(grows);
            start -= headBefore - head;
            stop -= headBefore - head;
        }
        System.arraycopy(bytes, stop, bytes, start + out.length(), end - stop);
        System.arraycopy(out.bytes(), 0, bytes, start, out.length());
        end += grows;
        keepDetail(item, detail);
        return true;
    }

    /** The labelled items numbered after {@code seq}, oldest first (numbers held for requests are left out). */
    List<ActivityItem> after(long seq) {
        List<ActivityItem> items = new ArrayList<>(count);
        ItemBuffer.Cursor cursor = new ItemBuffer.Cursor(bytes, head);
        for (int i = 0; i < count; i++) {
            long itemSeq = firstSeq + i;
            if (itemSeq <= seq) {
                ItemCodec.skip(cursor);
                continue;
            }
            ActivityItem item = ItemCodec.read(cursor, itemSeq, baseNanos, strings, this::keptDetail);
            if (item.label() != null) {
                items.add(item);
            }
        }
        return items;
    }

    /** The item numbered {@code seq} when it is kept and labelled. */
    Optional<ActivityItem> item(long seq) {
        if (count == 0 || seq < firstSeq || seq - firstSeq >= count) {
            return Optional.empty();
        }
        ItemBuffer.Cursor cursor = new ItemBuffer.Cursor(bytes, head);
        for (long i = firstSeq; i < seq; i++) {
            ItemCodec.skip(cursor);
        }
        ActivityItem item = ItemCodec.read(cursor, seq, baseNanos, strings, this::keptDetail);
        return item.label() == null ? Optional.empty() : Optional.of(item);
    }

    /** How many of the oldest items went to keep the bound. */
    long dropped() {
        return dropped;
    }

    /** How many bytes the kept items take (not counting spare room or details kept by reference). */
    int encodedBytes() {
        return end - head;
    }

    private void dropOldest() {
        ItemBuffer.Cursor cursor = new ItemBuffer.Cursor(bytes, head);
        if ((ItemCodec.skip(cursor) & ItemCodec.DETAIL_KEPT) != 0) {
            kept.remove(firstSeq);
        }
        head = cursor.position;
        firstSeq++;
        count--;
        dropped++;
    }

    /**
     * Makes room for {@code more} bytes after the newest item: by moving the kept ones to the start when the oldest
     * that went free at least a quarter as much as is kept (so moving is paid for by what was appended since), else by
     * a larger array.
     */
    private void room(int more) {
        if (end + more <= bytes.length) {
            return;
        }
        int live = end - head;
        if (head > 0 && head >= live / 4 && live + more <= bytes.length) {
            System.arraycopy(bytes, head, bytes, 0, live);
        } else {
            byte[] larger = new byte[Math.max(live + more,
                    bytes.length == 0 ? FIRST_CAPACITY : bytes.length + Math.max(32, bytes.length / 4))];
            System.arraycopy(bytes, head, larger, 0, live);
            bytes = larger;
        }
        head = 0;
        end = live;
    }

    private void keepDetail(ActivityItem item, int detail) {
        if (detail != 0) {
            if (kept == null) {
                kept = new HashMap<>(4);
            }
            kept.put(item.seq(), item.detail());
        }
    }

    private ActivityDetail keptDetail(long seq) {
        return kept == null ? null : kept.get(seq);
    }
}
