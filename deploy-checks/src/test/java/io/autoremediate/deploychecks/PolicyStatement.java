package io.autoremediate.deploychecks;

import io.autoremediate.deploychecks.hcl.HclBlock;
import io.autoremediate.deploychecks.hcl.HclExpression;
import java.util.ArrayList;
import java.util.List;

/**
 * One statement of a {@code data "aws_iam_policy_document"}: {@code conditional} when it sits in a
 * {@code dynamic "statement"} block, which only some inputs (a KMS key, a secret) switch on.
 */
record PolicyStatement(String document, String sid, String effect, List<String> actions, List<HclExpression> resources,
        boolean conditional) {

    static List<PolicyStatement> of(TerraformModule module) {
        List<PolicyStatement> statements = new ArrayList<>();
        for (HclBlock document : module.data("aws_iam_policy_document")) {
            String name = document.labels().get(1);
            for (HclBlock statement : document.blocks("statement")) {
                statements.add(of(name, statement, false));
            }
            for (HclBlock dynamic : document.blocks("dynamic")) {
                if (dynamic.labels().equals(List.of("statement"))) {
                    statements.add(of(name, dynamic.blocks("content").get(0), true));
                }
            }
        }
        return statements;
    }

    private static PolicyStatement of(String document, HclBlock statement, boolean conditional) {
        if (statement.attribute("not_actions").isPresent() || statement.attribute("not_resources").isPresent()) {
            throw new AssertionError(statement + " uses not_actions or not_resources, which grant by exclusion");
        }
        HclExpression actions = statement.required("actions");
        String effect = statement.attribute("effect").map(HclExpression::asString).orElse("Allow");
        String sid = statement.attribute("sid").map(HclExpression::asString).orElse("");
        List<HclExpression> resources = statement.attribute("resources")
                .map(r -> r instanceof HclExpression.Tuple tuple ? tuple.elements() : List.of(r))
                .orElse(List.of());
        return new PolicyStatement(document, sid, effect, actions.asStrings(), resources, conditional);
    }

    String name() {
        return document + "/" + sid;
    }

    boolean grantsEverything() {
        return resources.stream().anyMatch(r -> r.source().equals("\"*\""));
    }
}
