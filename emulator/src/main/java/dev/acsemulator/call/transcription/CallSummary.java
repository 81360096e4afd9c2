package dev.acsemulator.call.transcription;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * SummarizeCall's summary, made from a connection's transcript without a language model: deterministic and
 * extractive (openapi/DEVIATIONS.md). It names how many phrases each participant said, in the order they first
 * spoke, then quotes the {@value #QUOTED} longest phrases (most words; the earlier one first among equals) in the
 * order they were said: {@code 2 phrases by 8:acs:a, 1 by 4:+1425... Said: "I would like to pay my bill."
 * "Yes."}.
 */
public final class CallSummary {

    /** How many phrases the summary quotes at most. */
    public static final int QUOTED = 3;

    private CallSummary() {
    }

    /** The summary of {@code transcript}, which must not be empty. */
    public static String of(List<TranscriptLine> transcript) {
        java.util.LinkedHashMap<String, Integer> bySpeaker = new java.util.LinkedHashMap<>();
        transcript.forEach(line -> bySpeaker.merge(line.participantRawId(), 1, Integer::sum));
        List<String> counts = new ArrayList<>();
        bySpeaker.forEach((speaker, phrases) -> counts.add(phrases + (counts.isEmpty()
                ? (phrases == 1 ? " phrase by " : " phrases by ") : " by ") + speaker));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < transcript.size(); i++) {
            order.add(i);
        }
        List<Integer> quoted = order.stream()
                .sorted(Comparator.comparingInt((Integer i) -> -words(transcript.get(i).text()))
                        .thenComparingInt(i -> i))
                .limit(QUOTED)
                .sorted()
                .toList();
        return String.join(", ", counts) + ". Said: " + quoted.stream()
                .map(i -> "\"" + transcript.get(i).text() + "\"")
                .collect(Collectors.joining(" "));
    }

    private static int words(String text) {
        return text.trim().split("\\s+").length;
    }
}
