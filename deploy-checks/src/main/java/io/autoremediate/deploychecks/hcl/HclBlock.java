package io.autoremediate.deploychecks.hcl;

import java.util.List;
import java.util.Optional;

/**
 * A block: {@code resource "aws_s3_bucket" "this" { ... }} has type {@code resource}, labels
 * {@code [aws_s3_bucket, this]}, and a body. {@code file} and {@code line} say where it starts.
 */
public record HclBlock(String type, List<String> labels, HclBody body, String file, int line) {

    public HclBlock {
        labels = List.copyOf(labels);
    }

    public Optional<HclExpression> attribute(String name) {
        return body.attribute(name);
    }

    /** The attribute, or a failure that names the block and the missing attribute. */
    public HclExpression required(String name) {
        return attribute(name).orElseThrow(() -> new IllegalStateException(
                this + " has no attribute '" + name + "'"));
    }

    public List<HclBlock> blocks(String blockType) {
        return body.blocks(blockType);
    }

    @Override
    public String toString() {
        return type + (labels.isEmpty() ? "" : " \"" + String.join("\" \"", labels) + "\"") + " (" + file + ":" + line
                + ")";
    }
}
