package io.autoremediate.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed JSONPath as Step Functions evaluates it (States Language spec, "Paths"): {@code $} addresses the
 * input, {@code $$} the context object. Reference paths (fields and indices only) address one node; other
 * paths ({@code *}, {@code ..}, slices, unions, filters) select a list of nodes.
 */
public final class JsonPath {
    private final String text;
    private final boolean context;
    private final List<PathSegment> segments;
    // The same segments for follow(), which runs for most paths on every step: indexing an array allocates nothing.
    private final PathSegment[] segmentArray;
    private final boolean referencePath;
    private final boolean endsWithLength;

    JsonPath(String text, boolean context, List<PathSegment> segments) {
        this.text = text;
        this.context = context;
        this.segments = List.copyOf(segments);
        this.segmentArray = this.segments.toArray(new PathSegment[0]);
        this.referencePath = this.segments.stream()
                .allMatch(s -> s instanceof PathSegment.Field || s instanceof PathSegment.Index);
        this.endsWithLength = !this.segments.isEmpty()
                && this.segments.get(this.segments.size() - 1) instanceof PathSegment.Length;
    }

    /** Parses a path, throwing {@link IllegalArgumentException} with a reason when it is not one. */
    public static JsonPath parse(String text) {
        return new JsonPathParser(text).parsePath();
    }

    public String text() {
        return text;
    }

    /** Whether the path starts with {@code $$} and so reads the context object. */
    public boolean isContextPath() {
        return context;
    }

    /** Whether this is a Reference Path: only field names and array indices, one node at most. */
    public boolean isReferencePath() {
        return referencePath;
    }

    public List<PathSegment> segments() {
        return segments;
    }

    /**
     * Reads the path against a document: a reference path yields the node it names, any other path yields
     * the array of nodes it selects. Empty when a reference path names nothing.
     */
    public Optional<JsonNode> read(JsonNode root) {
        if (referencePath) {
            return Optional.ofNullable(follow(root));
        }
        List<JsonNode> found = select(root);
        if (endsWithLength) {
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
        ArrayNode array = Json.NODES.arrayNode();
        found.forEach(array::add);
        return Optional.of(array);
    }

    /** The node a reference path names, or {@code null}: {@link #select} without its lists, as most paths are. */
    private JsonNode follow(JsonNode root) {
        JsonNode node = root;
        for (PathSegment segment : segmentArray) {
            if (segment instanceof PathSegment.Field field) {
                node = node.isObject() ? node.get(field.name()) : null;
            } else {
                int index = ((PathSegment.Index) segment).index();
                if (!node.isArray()) {
                    return null;
                }
                int i = index < 0 ? node.size() + index : index;
                node = i >= 0 && i < node.size() ? node.get(i) : null;
            }
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** Every node the path selects, in document order. */
    public List<JsonNode> select(JsonNode root) {
        List<JsonNode> current = List.of(root);
        for (PathSegment segment : segments) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                apply(segment, node, root, next);
            }
            current = next;
        }
        return current;
    }

    private static void apply(PathSegment segment, JsonNode node, JsonNode root, List<JsonNode> out) {
        if (segment instanceof PathSegment.Field field) {
            if (node.isObject() && node.has(field.name())) {
                out.add(node.get(field.name()));
            }
        } else if (segment instanceof PathSegment.Index index) {
            if (node.isArray()) {
                int i = index.index() < 0 ? node.size() + index.index() : index.index();
                if (i >= 0 && i < node.size()) {
                    out.add(node.get(i));
                }
            }
        } else if (segment instanceof PathSegment.Wildcard) {
            if (node.isContainerNode()) {
                node.elements().forEachRemaining(out::add);
            }
        } else if (segment instanceof PathSegment.Union union) {
            for (PathSegment member : union.members()) {
                apply(member, node, root, out);
            }
        } else if (segment instanceof PathSegment.Slice slice) {
            applySlice(slice, node, out);
        } else if (segment instanceof PathSegment.DeepScan deep) {
            List<JsonNode> all = new ArrayList<>();
            collectDescendants(node, all);
            for (JsonNode candidate : all) {
                apply(deep.selector(), candidate, root, out);
            }
        } else if (segment instanceof PathSegment.Filter filter) {
            if (node.isArray()) {
                node.elements().forEachRemaining(e -> {
                    if (filter.predicate().test(e, root)) {
                        out.add(e);
                    }
                });
            } else if (node.isObject() && filter.predicate().test(node, root)) {
                out.add(node);
            }
        } else if (segment instanceof PathSegment.Length) {
            if (node.isContainerNode()) {
                out.add(Json.NODES.numberNode(node.size()));
            } else if (node.isTextual()) {
                out.add(Json.NODES.numberNode(node.textValue().length()));
            }
        }
    }

    private static void applySlice(PathSegment.Slice slice, JsonNode node, List<JsonNode> out) {
        if (!node.isArray()) {
            return;
        }
        int size = node.size();
        int step = slice.step() == null ? 1 : slice.step();
        if (step <= 0) {
            return;
        }
        int start = clampSliceBound(slice.start(), 0, size);
        int end = clampSliceBound(slice.end(), size, size);
        for (int i = start; i < end; i += step) {
            out.add(node.get(i));
        }
    }

    private static int clampSliceBound(Integer bound, int absent, int size) {
        if (bound == null) {
            return absent;
        }
        int value = bound < 0 ? size + bound : bound;
        return Math.max(0, Math.min(size, value));
    }

    private static void collectDescendants(JsonNode node, List<JsonNode> out) {
        out.add(node);
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collectDescendants(field.getValue(), out);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collectDescendants(element, out);
            }
        }
    }

    /** The path in the bracket notation Step Functions uses in its error messages, e.g. {@code $['a'][0]}. */
    public String bracketNotation() {
        StringBuilder sb = new StringBuilder(context ? "$$" : "$");
        for (PathSegment segment : segments) {
            sb.append(segment.bracketNotation());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
