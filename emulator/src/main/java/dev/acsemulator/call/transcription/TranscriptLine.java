package dev.acsemulator.call.transcription;

/** One Final result of a connection's transcription: who said what, when (ticks from that transcription's start). */
public record TranscriptLine(String participantRawId, String text, long offsetTicks, long durationTicks) {
}
