package io.autoremediate.deploychecks;

import io.autoremediate.deploychecks.hcl.HclBlock;
import io.autoremediate.deploychecks.hcl.HclExpression;
import io.autoremediate.deploychecks.hcl.HclReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The {@code *.tf} files of one Terraform module folder, read as one: blocks by type and labels, and locals. */
public final class TerraformModule {

    private final Path folder;
    private final List<HclBlock> blocks;
    private final Map<String, HclExpression> locals;

    private TerraformModule(Path folder, List<HclBlock> blocks, Map<String, HclExpression> locals) {
        this.folder = folder;
        this.blocks = List.copyOf(blocks);
        this.locals = locals;
    }

    public static TerraformModule read(Path folder) {
        List<HclBlock> blocks = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tf")).sorted().toList()) {
                blocks.addAll(HclReader.read(file).blocks());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        Map<String, HclExpression> locals = new LinkedHashMap<>();
        for (HclBlock block : blocks) {
            if (block.type().equals("locals")) {
                block.body().attributes().forEach((name, value) -> {
                    if (locals.put(name, value) != null) {
                        throw new IllegalStateException("local." + name + " is defined twice in " + folder);
                    }
                });
            }
        }
        return new TerraformModule(folder, blocks, locals);
    }

    public Path folder() {
        return folder;
    }

    public List<HclBlock> blocks() {
        return blocks;
    }

    public List<HclBlock> blocks(String type) {
        return blocks.stream().filter(block -> block.type().equals(type)).toList();
    }

    /** {@code resource "TYPE" "NAME"}, or a failure naming what is missing. */
    public HclBlock resource(String type, String name) {
        return labelled("resource", type, name);
    }

    /** {@code data "TYPE" "NAME"}. */
    public HclBlock data(String type, String name) {
        return labelled("data", type, name);
    }

    public List<HclBlock> resources(String type) {
        return blocks("resource").stream().filter(block -> block.labels().get(0).equals(type)).toList();
    }

    public List<HclBlock> data(String type) {
        return blocks("data").stream().filter(block -> block.labels().get(0).equals(type)).toList();
    }

    public HclExpression local(String name) {
        HclExpression value = locals.get(name);
        if (value == null) {
            throw new IllegalStateException("local." + name + " is not defined in " + folder);
        }
        return value;
    }

    private HclBlock labelled(String kind, String type, String name) {
        return blocks(kind).stream()
                .filter(block -> block.labels().equals(List.of(type, name)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(kind + " \"" + type + "\" \"" + name
                        + "\" is not defined in " + folder));
    }
}
