package io.autoremediate.engine.internal.definition;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem found in a definition, so one validation reports them all. */
public final class Problems {
    private final List<String> found;
    private final String prefix;

    public Problems() {
        this(new ArrayList<>(), "");
    }

    private Problems(List<String> found, String prefix) {
        this.found = found;
        this.prefix = prefix;
    }

    /** A view that prefixes its problems with where they are, e.g. {@code State 'Par' branch 1: }. */
    public Problems within(String location) {
        return new Problems(found, prefix + location + ": ");
    }

    public void add(String problem) {
        found.add(prefix + problem);
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public int size() {
        return found.size();
    }

    public List<String> list() {
        return List.copyOf(found);
    }
}
