package dev.acsemulator.architecture;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headings of one Markdown document, as the two things that can cite them: a section id ({@code 2.20} of
 * "### 2.20 HangUp and Terminate", {@code D1} of "### D1. Event Grid schema") and a link anchor as GitHub renders it
 * ({@code 220-hangup-and-terminate}). Lines inside fenced code blocks are not headings.
 */
final class MarkdownHeadings {

    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");
    /** A section id opening a heading's text: a number like 2 or 2.20, a letter and number like D1, or a letter. */
    private static final Pattern SECTION_ID = Pattern.compile("^([A-Z]?\\d+(?:\\.\\d+)*|[A-Z])\\.?(?=\\s|$)");

    private final Set<String> sections = new HashSet<>();
    private final Set<String> anchors = new HashSet<>();

    MarkdownHeadings(String text) {
        Map<String, Integer> anchorsSeen = new HashMap<>();
        boolean inFence = false;
        for (String line : text.split("\n", -1)) {
            if (line.stripLeading().startsWith("```")) {
                inFence = !inFence;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (inFence || !heading.matches()) {
                continue;
            }
            String title = heading.group(1);
            Matcher id = SECTION_ID.matcher(title);
            if (id.find()) {
                sections.add(id.group(1));
            }
            String anchor = anchorOf(title);
            int seen = anchorsSeen.merge(anchor, 1, Integer::sum);
            anchors.add(seen == 1 ? anchor : anchor + "-" + (seen - 1));
        }
    }

    boolean hasSection(String id) {
        return sections.contains(id);
    }

    boolean hasAnchor(String anchor) {
        return anchors.contains(anchor);
    }

    /** GitHub's anchor of a heading: lower case, punctuation but {@code -} and {@code _} dropped, spaces to dashes. */
    static String anchorOf(String title) {
        String plain = title.replaceAll("`", "").toLowerCase(Locale.ROOT);
        StringBuilder anchor = new StringBuilder();
        plain.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                anchor.appendCodePoint(c);
            } else if (c == ' ') {
                anchor.append('-');
            }
        });
        return anchor.toString();
    }
}
