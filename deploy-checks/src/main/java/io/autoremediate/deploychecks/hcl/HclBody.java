package io.autoremediate.deploychecks.hcl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The attributes and nested blocks of a file or a block, in the order written. */
public record HclBody(Map<String, HclExpression> attributes, List<HclBlock> blocks) {

    public HclBody {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        blocks = List.copyOf(blocks);
    }

    public Optional<HclExpression> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    public List<HclBlock> blocks(String type) {
        return blocks.stream().filter(block -> block.type().equals(type)).toList();
    }
}
