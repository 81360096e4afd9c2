package dev.acsemulator.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds, in one file of the repository, every reference that a user of the repository could not follow:
 * <ul>
 *   <li>a path to the team's notes outside the repository (the sibling folder the first pattern names);</li>
 *   <li>a {@code docs/NAME.md} that does not exist;</li>
 *   <li>a {@code §} citation whose section has no heading in the document it cites; the document is the last one of
 *       {@code docs/} named before the citation in the same file, or, in a Markdown file, the file itself when none
 *       was named (in the files of {@code docs/} only a name on the same line overrides the file itself);</li>
 *   <li>a {@code #anchor} of a document that has no such heading;</li>
 *   <li>a relative Markdown link that leaves the repository or names a file that does not exist.</li>
 * </ul>
 * Each problem is reported once, as {@code path:line: what is wrong}.
 */
final class DocumentReferences {

    /** Paths to the team's working notes, which only exist next to the repository on the team's machines. */
    private static final Pattern OUTSIDE = Pattern.compile(
            "(?:\\.\\./)+shared\\b|\\bshared[/\\\\](?:docs|reference)\\b|/work/" + "shared\\b");
    /** A document name: {@code docs/NAME.md} (possibly behind {@code ../}) or a bare name of a file of docs/. */
    private static final Pattern DOCUMENT = Pattern.compile(
            "(?<![\\w./-])((?:\\.\\./)*docs/)?([a-z0-9][a-z0-9-]*)\\.md(?:#([\\w-]+))?");
    private static final Pattern SECTION = Pattern.compile("§ ?([A-Z]?\\d+(?:\\.\\d+)*|[A-Z](?![\\w]))");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    private final Path root;
    private final Path docs;
    private final Set<String> documentNames;
    private final Map<Path, MarkdownHeadings> headings = new HashMap<>();

    DocumentReferences(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.docs = this.root.resolve("docs");
        this.documentNames = documentNames(docs);
    }

    /** The problems of {@code file}, whose content is {@code text}. */
    List<String> problemsIn(Path file, String text) {
        Path path = root.resolve(file).normalize();
        boolean markdown = path.getFileName().toString().endsWith(".md");
        boolean inDocs = path.getParent().equals(docs);
        if (markdown) {
            headings.put(path, new MarkdownHeadings(text));
        }
        List<String> problems = new ArrayList<>();
        Path cited = markdown ? path : null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String where = root.relativize(path) + ":" + (i + 1) + ": ";
            if (inDocs) {
                cited = path;
            }
            Matcher outside = OUTSIDE.matcher(line);
            while (outside.find()) {
                problems.add(where + "points outside the repository (" + outside.group() + ")");
            }
            for (Token token : tokens(line)) {
                MatchResult match = token.match();
                if (token.isDocument()) {
                    Path named = document(match, problems, where);
                    if (named != null) {
                        cited = named;
                    }
                } else if (cited == null) {
                    problems.add(where + "cites §" + match.group(1) + " without naming a document of docs/ before it");
                } else if (!headingsOf(cited).hasSection(match.group(1))) {
                    problems.add(where + "cites " + root.relativize(cited) + " §" + match.group(1)
                            + ", which has no such heading");
                }
            }
            if (markdown) {
                links(path, line, where, problems);
            }
        }
        return problems.stream().distinct().toList();
    }

    /** A document name or a section citation found on a line. */
    private record Token(boolean isDocument, MatchResult match) {
    }

    /** Document names and section citations of one line, in the order they appear. */
    private static List<Token> tokens(String line) {
        List<Token> tokens = new ArrayList<>();
        DOCUMENT.matcher(line).results().forEach(m -> tokens.add(new Token(true, m)));
        SECTION.matcher(line).results().forEach(m -> tokens.add(new Token(false, m)));
        tokens.sort(Comparator.comparingInt(token -> token.match().start()));
        return tokens;
    }

    /** The document a name refers to, or null when it names none of docs/ (a problem if it says {@code docs/}). */
    private Path document(MatchResult name, List<String> problems, String where) {
        String fileName = name.group(2) + ".md";
        boolean explicit = name.group(1) != null;
        if (!explicit && (!documentNames.contains(fileName) || fileName.equals("README.md"))) {
            return null;
        }
        Path document = docs.resolve(fileName);
        if (!Files.isRegularFile(document)) {
            problems.add(where + "names docs/" + fileName + ", which does not exist");
            return null;
        }
        String anchor = name.group(3);
        if (anchor != null && !headingsOf(document).hasAnchor(anchor)) {
            problems.add(where + "links docs/" + fileName + "#" + anchor + ", which has no such heading");
        }
        return document;
    }

    private void links(Path file, String line, String where, List<String> problems) {
        Matcher link = MARKDOWN_LINK.matcher(line);
        while (link.find()) {
            String target = link.group(1);
            if (target.matches("^[a-zA-Z][a-zA-Z+.-]*:.*")) {
                continue;
            }
            int hash = target.indexOf('#');
            String pathPart = hash < 0 ? target : target.substring(0, hash);
            String anchor = hash < 0 ? null : target.substring(hash + 1);
            Path resolved = pathPart.isEmpty() ? file : file.getParent().resolve(pathPart).normalize();
            if (!resolved.startsWith(root)) {
                problems.add(where + "links " + target + ", outside the repository");
            } else if (!Files.exists(resolved)) {
                problems.add(where + "links " + target + ", which does not exist");
            } else if (anchor != null && resolved.toString().endsWith(".md")
                    && !headingsOf(resolved).hasAnchor(anchor)) {
                problems.add(where + "links " + target + ", which has no such heading");
            }
        }
    }

    private MarkdownHeadings headingsOf(Path document) {
        return headings.computeIfAbsent(document, d -> new MarkdownHeadings(
                RepositoryFiles.read(d).orElseThrow(() -> new IllegalStateException(d + " is not text"))));
    }

    private static Set<String> documentNames(Path docs) {
        if (!Files.isDirectory(docs)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(docs)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
