package io.autoremediate.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Read-only, compact JSON objects for values an execution keeps until it ends (history event details): an
 * execution of 10,000 states keeps 20,000 of them. A frozen object holds its members in two arrays instead of
 * a hash map, its nested objects and arrays are frozen too, and any attempt to change it throws
 * {@link UnsupportedOperationException}; {@link ObjectNode#deepCopy()} gives an ordinary, mutable copy.
 */
public final class FrozenJson {
    /** {@code {}}. */
    public static final ObjectNode EMPTY = new FrozenObject(new String[0], new JsonNode[0]);

    private FrozenJson() {
    }

    /** Whether the object is frozen already (so it need not be copied to be kept). */
    public static boolean isFrozen(ObjectNode object) {
        return object instanceof FrozenObject;
    }

    /**
     * A frozen object with these members, in this order. The arrays are kept, not copied: {@code keys} may be
     * shared by many objects of one shape, and neither may be changed afterwards. The values must be frozen
     * or value nodes.
     */
    public static ObjectNode object(String[] keys, JsonNode... values) {
        if (keys.length != values.length) {
            throw new IllegalArgumentException(keys.length + " keys but " + values.length + " values");
        }
        return new FrozenObject(keys, values);
    }

    /** A frozen copy of the object, or the object itself if it is frozen. */
    public static ObjectNode freeze(ObjectNode object) {
        if (object instanceof FrozenObject) {
            return object;
        }
        String[] keys = new String[object.size()];
        JsonNode[] values = new JsonNode[keys.length];
        int i = 0;
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            keys[i] = member.getKey();
            values[i] = freezeValue(member.getValue());
            i++;
        }
        return new FrozenObject(keys, values);
    }

    private static JsonNode freezeValue(JsonNode value) {
        if (value instanceof ObjectNode object) {
            return freeze(object);
        }
        if (value instanceof ArrayNode array) {
            List<JsonNode> elements = new ArrayList<>(array.size());
            array.forEach(element -> elements.add(freezeValue(element)));
            return new ArrayNode(Json.NODES, List.copyOf(elements));
        }
        return value;
    }

    /** An ObjectNode over {@link Members}, which refuses every change. */
    private static final class FrozenObject extends ObjectNode {
        private static final long serialVersionUID = 1L;

        FrozenObject(String[] keys, JsonNode[] values) {
            super(Json.NODES, new Members(keys, values));
        }
    }

    /** The members of a frozen object, in order; AbstractMap makes every change throw. */
    private static final class Members extends AbstractMap<String, JsonNode> {
        private final String[] keys;
        private final JsonNode[] values;

        Members(String[] keys, JsonNode[] values) {
            this.keys = keys;
            this.values = values;
        }

        @Override
        public JsonNode get(Object key) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i].equals(key)) {
                    return values[i];
                }
            }
            return null;
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public int size() {
            return keys.length;
        }

        @Override
        public Set<Entry<String, JsonNode>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, JsonNode>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < keys.length;
                        }

                        @Override
                        public Entry<String, JsonNode> next() {
                            if (next >= keys.length) {
                                throw new NoSuchElementException();
                            }
                            Entry<String, JsonNode> entry = new SimpleImmutableEntry<>(keys[next], values[next]);
                            next++;
                            return entry;
                        }
                    };
                }

                @Override
                public int size() {
                    return keys.length;
                }
            };
        }
    }
}
