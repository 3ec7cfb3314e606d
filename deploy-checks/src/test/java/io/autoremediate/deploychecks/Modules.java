package io.autoremediate.deploychecks;

import io.autoremediate.deploychecks.hcl.HclBlock;
import io.autoremediate.deploychecks.hcl.HclExpression;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Terraform folders under test, read once. */
final class Modules {

    static final TerraformModule AUTOREMEDIATE = TerraformModule.read(Repository.resolve("terraform/modules/autoremediate"));
    static final TerraformModule INSTANCE_PROFILE =
            TerraformModule.read(Repository.resolve("terraform/modules/instance-profile"));
    static final TerraformModule EXAMPLE = TerraformModule.read(Repository.resolve("terraform/examples/complete"));

    private Modules() {
    }

    /** local.function_defaults: function key to its settings object (suffix, handler, placeholder, ...). */
    static Map<String, HclExpression.ObjectValue> functionDefaults() {
        Map<String, HclExpression.ObjectValue> functions = new LinkedHashMap<>();
        AUTOREMEDIATE.local("function_defaults").asObject().items()
                .forEach((key, value) -> functions.put(key, value.asObject()));
        return functions;
    }

    /** The literal default of {@code variable "NAME"} in the autoremediate module. */
    static String variableDefault(String name) {
        return AUTOREMEDIATE.blocks("variable").stream()
                .filter(block -> block.labels().equals(java.util.List.of(name)))
                .map(block -> block.required("default").asString())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("variable " + name + " is not declared"));
    }

    static String describe(HclBlock block) {
        return block.toString();
    }
}
