package dev.acsemulator.api.content;

import java.util.Optional;

/**
 * One HTTP byte range (RFC 9110, section 14.1.2) within a file: {@code bytes=first-last} (last inclusive, clipped to the
 * file), {@code bytes=first-} or {@code bytes=-suffixLength}. Several ranges, or one that starts past the end, are
 * not satisfiable here.
 */
final class ByteRange {

    private ByteRange() {
    }

    /** {@code [first, last]}, inclusive; empty for no header, and for a header that cannot be satisfied. */
    static Optional<long[]> parse(String header, long size) {
        if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
            return Optional.empty();
        }
        String spec = header.substring("bytes=".length()).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        try {
            String from = spec.substring(0, dash).trim();
            String to = spec.substring(dash + 1).trim();
            long first;
            long last;
            if (from.isEmpty()) {
                long suffix = Long.parseLong(to);
                if (suffix <= 0) {
                    return Optional.empty();
                }
                first = Math.max(0, size - suffix);
                last = size - 1;
            } else {
                first = Long.parseLong(from);
                last = to.isEmpty() ? size - 1 : Math.min(Long.parseLong(to), size - 1);
            }
            if (first < 0 || first >= size || last < first) {
                return Optional.empty();
            }
            return Optional.of(new long[] {first, last});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
