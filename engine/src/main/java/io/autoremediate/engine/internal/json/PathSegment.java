package io.autoremediate.engine.internal.json;

import java.util.List;
import java.util.stream.Collectors;

/** One step of a {@link JsonPath}. */
public sealed interface PathSegment {

    String bracketNotation();

    /** {@code .name} or {@code ['name']}. */
    record Field(String name) implements PathSegment {
        @Override
        public String bracketNotation() {
            return "['" + name + "']";
        }
    }

    /** {@code [n]}; negative counts from the end. */
    record Index(int index) implements PathSegment {
        @Override
        public String bracketNotation() {
            return "[" + index + "]";
        }
    }

    /** {@code .*} or {@code [*]}. */
    record Wildcard() implements PathSegment {
        @Override
        public String bracketNotation() {
            return "[*]";
        }
    }

    /** {@code [a,b]} or {@code ['x','y']}. */
    record Union(List<PathSegment> members) implements PathSegment {
        public Union {
            members = List.copyOf(members);
        }

        @Override
        public String bracketNotation() {
            return members.stream().map(m -> m.bracketNotation().replaceAll("^\\[|\\]$", ""))
                    .collect(Collectors.joining(",", "[", "]"));
        }
    }

    /** {@code [start:end:step]}, any part optional. */
    record Slice(Integer start, Integer end, Integer step) implements PathSegment {
        @Override
        public String bracketNotation() {
            return "[" + (start == null ? "" : start) + ":" + (end == null ? "" : end)
                    + (step == null ? "" : ":" + step) + "]";
        }
    }

    /** {@code ..selector}: the selector applied to the node and all its descendants. */
    record DeepScan(PathSegment selector) implements PathSegment {
        @Override
        public String bracketNotation() {
            return ".." + selector.bracketNotation();
        }
    }

    /** {@code [?(expression)]}. */
    record Filter(FilterPredicate predicate, String source) implements PathSegment {
        @Override
        public String bracketNotation() {
            return "[?(" + source + ")]";
        }
    }

    /** {@code .length()}: the size of an array, object or string. */
    record Length() implements PathSegment {
        @Override
        public String bracketNotation() {
            return ".length()";
        }
    }
}
