package dev.acsemulator.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The feature-support matrix, written from the route table: each operation of the accepted api-versions, the
 * api-versions that have it, and whether the emulator serves it (with the openapi/DEVIATIONS.md entries its route
 * carries) or answers 501 NotImplemented. Rendered as {@code docs/feature-support.md} and as the short summary the
 * README carries between its {@code feature-support} markers; a test regenerates both and fails when the committed
 * files differ.
 */
public final class FeatureSupport {

    /** Where the README's generated summary starts and ends. */
    public static final String README_START = "<!-- feature-support:start -->";
    public static final String README_END = "<!-- feature-support:end -->";
    /** How to regenerate the files after a change to the route table or to openapi/api-versions.json. */
    public static final String REGENERATE =
            "mvn -B -o -q test -pl emulator -Dtest=FeatureSupportDocsTest -Dacs.regenerate=true";

    /** The operation groups of the spec, in the order the documents list them. */
    enum Area {
        CALLS("Calls"), PARTICIPANTS("Participants"), MEDIA("Media"), RECORDING("Recording"), DIALOGS("Dialogs"),
        OTHER("Other");

        final String title;

        Area(String title) {
            this.title = title;
        }

        /** By the spec's operationId prefix; the CallConnection group splits into the call and its participants. */
        static Area of(Route route) {
            String id = route.operationId();
            int underscore = id.indexOf('_');
            String group = underscore < 0 ? "" : id.substring(0, underscore);
            return switch (group) {
                case "", "CallConnection" -> route.path().toString().contains("/participants") ? PARTICIPANTS : CALLS;
                case "CallMedia" -> MEDIA;
                case "CallRecording" -> RECORDING;
                case "CallDialog" -> DIALOGS;
                default -> OTHER;
            };
        }
    }

    private final SpecOperations spec;
    private final List<Route> routes;

    public FeatureSupport(RouteTable table) {
        this.spec = table.spec();
        this.routes = table.routes().stream()
                .sorted(Comparator.comparing(Area::of).thenComparing(FeatureSupport::shortName)).toList();
    }

    /** {@code docs/feature-support.md}. */
    public String document() {
        List<String> versions = spec.versions();
        long served = routes.stream().filter(Route::isImplemented).count();
        StringBuilder out = new StringBuilder("# Feature support\n\n")
                .append("<!-- Generated from the route table and openapi/api-versions.json; do not edit. ")
                .append("Regenerate with\n")
                .append("     ").append(REGENERATE).append(" -->\n\n")
                .append("Which Call Automation operations the emulator serves, for each of the ")
                .append(versions.size())
                .append(" api-versions it accepts (").append(versions.get(0)).append(" to ")
                .append(versions.get(versions.size() - 1)).append(", listed in `openapi/api-versions.json`). ")
                .append("Every operation of every accepted api-version has a route, at the spec's method, path and ")
                .append("success status: ").append(served).append(" of ").append(routes.size())
                .append(" are served; the others answer `501 NotImplemented` ")
                .append("(`{\"error\":{\"code\":\"NotImplemented\",\"message\":...}}`), never a fake success.\n\n")
                .append("A request for an operation its api-version does not have answers ")
                .append("`400 UnsupportedApiVersion`; ")
                .append("an unknown path or action (`POST .../callConnections/{id}:tpyo`) `404 NotFound`; a known ")
                .append("path with another method `405 MethodNotAllowed`.\n\n")
                .append("*supported*: served as the service does; *deviations*: served, with the numbered entries of ")
                .append("[openapi/DEVIATIONS.md](../openapi/DEVIATIONS.md) that apply.\n");
        for (Area area : Area.values()) {
            List<Route> inArea = routes.stream().filter(route -> Area.of(route) == area).toList();
            if (inArea.isEmpty()) {
                continue;
            }
            out.append("\n## ").append(area.title).append("\n\n")
                    .append("| operation | request | success | emulator | api-versions |\n|---|---|---|---|---|\n");
            for (Route route : inArea) {
                out.append("| ").append(route.operationId()).append(" | `").append(route.method()).append(' ')
                        .append(route.path()).append("` | ").append(route.successStatus()).append(" | ")
                        .append(verdict(route, "../")).append(" | ").append(versionsHaving(route)).append(" |\n");
            }
        }
        out.append("\n## By api-version\n\n")
                .append("| api-version | operations | served | answer 501 |\n|---|---|---|---|\n");
        for (String version : versions) {
            List<Route> having = routes.stream().filter(route -> versionsOf(route).contains(version)).toList();
            long servedHere = having.stream().filter(Route::isImplemented).count();
            out.append("| ").append(version).append(" | ").append(having.size()).append(" | ").append(servedHere)
                    .append(" | ").append(having.size() - servedHere).append(" |\n");
        }
        out.append("\n## Where api-versions.json disagrees with itself\n\n");
        if (spec.disagreements().isEmpty()) {
            out.append("Nowhere: every operation has the same method, path and success status in every api-version ")
                    .append("that has it. Should an older api-version differ, the newest api-version's is served and ")
                    .append("the difference is listed here.\n");
        } else {
            out.append("The newest api-version's method, path and status are served:\n\n");
            spec.disagreements().forEach(disagreement -> out.append("- ").append(disagreement).append('\n'));
        }
        return out.toString();
    }

    /** The README's summary, markers included: what works, then what answers 501, per area. */
    public String readmeSummary() {
        long served = routes.stream().filter(Route::isImplemented).count();
        List<String> versions = spec.versions();
        StringBuilder out = new StringBuilder(README_START).append('\n')
                .append("**What works today**: ").append(served).append(" of the ").append(routes.size())
                .append(" operations that the accepted api-versions (").append(versions.get(0)).append(" to ")
                .append(versions.get(versions.size() - 1)).append(") define; the other ")
                .append(routes.size() - served).append(" answer `501 NotImplemented`, never a fake success. ")
                .append("Per operation and api-version: [docs/feature-support.md](docs/feature-support.md).\n\n")
                .append("| area | works | answers 501 NotImplemented |\n|---|---|---|\n");
        for (Area area : Area.values()) {
            List<Route> inArea = routes.stream().filter(route -> Area.of(route) == area).toList();
            if (!inArea.isEmpty()) {
                out.append("| ").append(area.title).append(" | ").append(names(inArea, true)).append(" | ")
                        .append(names(inArea, false)).append(" |\n");
            }
        }
        return out.append(README_END).toString();
    }

    /**
     * {@code readme} with its summary replaced by the current one; a README without the markers gets the summary
     * right after its first paragraph.
     */
    public String readme(String readme) {
        int start = readme.indexOf(README_START);
        int end = readme.indexOf(README_END);
        if (start >= 0 && end > start) {
            return readme.substring(0, start) + readmeSummary() + readme.substring(end + README_END.length());
        }
        int paragraph = firstParagraphEnd(readme);
        return readme.substring(0, paragraph) + "\n\n" + readmeSummary() + readme.substring(paragraph);
    }

    /** Where the first block of lines that is not a heading ends (before its blank line). */
    private static int firstParagraphEnd(String text) {
        int index = 0;
        boolean inParagraph = false;
        while (index < text.length()) {
            int lineEnd = text.indexOf('\n', index);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(index, lineEnd);
            if (line.isBlank()) {
                if (inParagraph) {
                    return index - 1;
                }
            } else if (!line.startsWith("#")) {
                inParagraph = true;
            }
            index = lineEnd + 1;
        }
        return text.length();
    }

    private static String names(List<Route> routes, boolean implemented) {
        String names = routes.stream().filter(route -> route.isImplemented() == implemented)
                .map(FeatureSupport::shortName)
                .collect(Collectors.joining(", "));
        return names.isEmpty() ? "—" : names;
    }

    private static String verdict(Route route, String toRoot) {
        String links = route.deviations().stream()
                .map(number -> "[" + number + "](" + toRoot + "openapi/DEVIATIONS.md)")
                .collect(Collectors.joining(", "));
        if (!route.isImplemented()) {
            return "**501** NotImplemented (" + links + ")";
        }
        return links.isEmpty() ? "supported" : "supported, deviations " + links;
    }

    private List<String> versionsOf(Route route) {
        return spec.operation(route.operationId()).map(SpecOperations.SpecOperation::versions).orElse(List.of());
    }

    /** The operationId without its group ({@code CallMedia_Play}: {@code Play}). */
    private static String shortName(Route route) {
        return route.operationId().substring(route.operationId().indexOf('_') + 1);
    }

    /**
     * All of them; or, when the operation is in every stable and every preview api-version from some version on,
     * since when; otherwise all but a few, or the few, whichever is shorter.
     */
    private String versionsHaving(Route route) {
        List<String> having = versionsOf(route);
        List<String> all = spec.versions();
        if (having.size() == all.size()) {
            return "all " + all.size();
        }
        String stable = since(having, all, false);
        String preview = since(having, all, true);
        if (stable != null && preview != null) {
            return stable + ", " + preview;
        }
        if (having.size() > all.size() / 2) {
            List<String> lacking = new ArrayList<>(all);
            lacking.removeAll(having);
            return "all but " + String.join(", ", lacking);
        }
        return String.join(", ", having);
    }

    /** "stable since X", "every stable", "no stable" (or preview); null when those having it are not a tail. */
    private static String since(List<String> having, List<String> all, boolean previews) {
        String kind = previews ? "preview" : "stable";
        List<String> ofKind = all.stream().filter(version -> version.endsWith("-preview") == previews).toList();
        List<String> havingOfKind = having.stream().filter(version -> version.endsWith("-preview") == previews)
                .toList();
        if (havingOfKind.isEmpty()) {
            return "no " + kind;
        }
        if (!ofKind.subList(ofKind.size() - havingOfKind.size(), ofKind.size()).equals(havingOfKind)) {
            return null;
        }
        return havingOfKind.size() == ofKind.size() ? "every " + kind : kind + " since " + havingOfKind.get(0);
    }
}
