package fr.carence.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Architecture rule: the packages of {@code fr.carence.ogc} form no cycle (issue 13): the
 * protocol-neutral core sits below every protocol, formats below the protocols that use them.
 * The graph is read from the sources (imports and fully qualified names), so constants inlined
 * by the compiler count too.
 */
class PackageCyclesTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final String ROOT = "fr.carence.ogc";
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    /** A reference to a class of the module: package part (lower case segments) then a class name. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(fr\\.carence\\.ogc(?:\\.[a-z]\\w*)*)\\.[A-Z]");

    @Test
    void ogcPackagesHaveNoCycle() {
        Map<String, Set<String>> graph = dependencies(SOURCES);
        assertThat(graph).as("sources of %s read from %s", ROOT, SOURCES.toAbsolutePath()).containsKeys(
                ROOT + ".core", ROOT + ".wfs", ROOT + ".wms", ROOT + ".features", ROOT + ".tiles", ROOT + ".format");
        assertThat(cycles(graph)).as("package cycles in %s", ROOT).isEmpty();
    }

    @Test
    void coreDependsOnNoProtocol() {
        Set<String> core = dependencies(SOURCES).get(ROOT + ".core");
        assertThat(core).doesNotContain(ROOT + ".wfs", ROOT + ".wms", ROOT + ".features", ROOT + ".tiles", ROOT + ".web");
    }

    /**
     * Operations answer values ({@code core.OgcResponse}); only the web layer writes them to HTTP:
     * no class outside {@code fr.carence.ogc.web} (and the tiles' own controller) names the servlet response.
     */
    @Test
    void onlyTheWebLayerTouchesTheServletResponse() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(text);
                boolean web = pkg.find() && pkg.group(1).equals(ROOT + ".web");
                if (!web && !file.endsWith(Path.of("tiles", "TilesEndpoint.java")) && text.contains("HttpServletResponse")) {
                    offenders.add(SOURCES.relativize(file).toString());
                }
            }
        }
        assertThat(offenders).as("classes writing HTTP responses outside the web layer").isEmpty();
    }

    /** The finder itself, on made-up graphs: a cycle is reported with its members, a chain is not. */
    @Test
    void finderReportsCyclesAndOnlyCycles() {
        Map<String, Set<String>> chain = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of()));
        assertThat(cycles(chain)).isEmpty();
        Map<String, Set<String>> loop = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "d"), "d", Set.of()));
        assertThat(cycles(loop)).containsExactly(new TreeSet<>(Set.of("a", "b", "c")));
    }

    /** Package → the other packages of the module its classes refer to. */
    static Map<String, Set<String>> dependencies(Path sources) {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(text);
                if (!pkg.find() || !pkg.group(1).startsWith(ROOT)) {
                    continue;
                }
                String from = pkg.group(1);
                Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher ref = REFERENCE.matcher(text.substring(pkg.end()));
                while (ref.find()) {
                    if (!ref.group(1).equals(from)) {
                        to.add(ref.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    /** Strongly connected components of more than one package (Tarjan), each sorted. */
    static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Set<String>> out = new ArrayList<>();
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, graph, index, low, stack, out);
            }
        }
        return out;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, List<Set<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                out.add(component);
            }
        }
    }
}
