package dev.acsemulator.call.recording;

import dev.acsemulator.call.Commands;

/**
 * StartRecording: the call by its locator or by one of its connections (exactly one of the two is set), and the
 * options asked for.
 */
public record StartRecording(Commands.CallLocator locator, String callConnectionId, RecordingOptions options) { }
