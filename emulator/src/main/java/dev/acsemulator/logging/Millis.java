package dev.acsemulator.logging;

/** A duration rendered as milliseconds with one decimal ({@code 4.2}), formatted only when the line is written. */
record Millis(long nanos) {

    @Override
    public String toString() {
        long tenths = (Math.max(0, nanos) + 50_000) / 100_000;
        return tenths / 10 + "." + tenths % 10;
    }
}
