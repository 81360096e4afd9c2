package dev.acsemulator.call.audio;

/**
 * What a sound of the call sounds like, as a function of time: its value {@code index} samples after it started,
 * rendered at {@code hertz} samples a second, in 16-bit full scale (±32,767; sounds add up and are clipped once
 * mixed). A signal holds no position of its own, so any window of it can be rendered at any time, as often as asked.
 */
public sealed interface Signal permits DualTone, FileSamples, SyntheticVoice, StreamedSamples {

    double value(long index, int hertz);
}
