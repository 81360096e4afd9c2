package dev.acsemulator.activity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A call's activity as Mermaid {@code sequenceDiagram} text, for a bug report: lifelines for the applications, the
 * emulator and each participant, in that order; requests as solid arrows with status and latency, events as async
 * arrows, delivery attempts as dotted arrows (a cross when dropped or failed), state changes, media and faults as
 * notes over the emulator.
 */
public final class MermaidDiagram {

    private MermaidDiagram() {
    }

    public static String of(String serverCallId, List<ActivityItem> items) {
        Map<String, String> aliases = lifelines(items);
        StringBuilder text = new StringBuilder("sequenceDiagram\n");
        text.append("    title call ").append(escape(serverCallId)).append('\n');
        aliases.forEach((lifeline, alias) -> text.append("    participant ").append(alias).append(" as ")
                .append(escape(lifeline)).append('\n'));
        for (ActivityItem item : items) {
            text.append("    ");
            String from = aliases.get(item.from());
            String to = aliases.get(item.to());
            switch (item.kind()) {
                case REQUEST -> text.append(from).append("->>").append(to).append(": ").append(escape(item.label()))
                        .append(item.latencyMs() != null ? " (" + item.latencyMs() + " ms)" : "");
                case EVENT -> text.append(from).append("-)").append(to).append(": ").append(escape(item.label()));
                case DELIVERY, EVENTGRID -> text.append(from).append(failed(item) ? "--x" : "-->>").append(to)
                        .append(": ").append(escape(item.label()));
                case PERSON -> text.append(from).append("->>").append(to).append(": ").append(escape(item.label()));
                case MEDIA, STATE, FAULT -> text.append("Note over ").append(to).append(": ")
                        .append(item.kind() == ActivityKind.FAULT ? "fault " : "").append(escape(item.label()))
                        .append(item.durationMs() != null ? " (" + item.durationMs() + " ms)" : "");
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Each lifeline's alias ({@code A1}, {@code E}, {@code P1}): applications, then the emulator, then people. */
    private static Map<String, String> lifelines(List<ActivityItem> items) {
        List<String> apps = new ArrayList<>();
        List<String> people = new ArrayList<>();
        for (ActivityItem item : items) {
            for (String lifeline : new String[] {item.from(), item.to()}) {
                if (lifeline.equals(ActivityItem.EMULATOR) || apps.contains(lifeline) || people.contains(lifeline)) {
                    continue;
                }
                (lifeline.startsWith("app:") ? apps : people).add(lifeline);
            }
        }
        Map<String, String> aliases = new LinkedHashMap<>();
        for (int i = 0; i < apps.size(); i++) {
            aliases.put(apps.get(i), "A" + (i + 1));
        }
        aliases.put(ActivityItem.EMULATOR, "E");
        for (int i = 0; i < people.size(); i++) {
            aliases.put(people.get(i), "P" + (i + 1));
        }
        return aliases;
    }

    /** Retried, failed or dropped: anything but delivered. */
    private static boolean failed(ActivityItem item) {
        return !"delivered".equals(item.outcome());
    }

    /** Text Mermaid reads literally: no line breaks, and {@code #} and {@code ;} written as its entity codes. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '#' -> escaped.append("#35;");
                case ';' -> escaped.append("#59;");
                case '\n', '\r' -> escaped.append(' ');
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
