package io.autoremediate.local.sfn.operations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.InvalidDefinitionException;
import io.autoremediate.engine.StateMachineDefinition;
import io.autoremediate.local.json.LocalJson;
import io.autoremediate.local.sfn.protocol.AwsJsonRequest;
import io.autoremediate.local.sfn.protocol.SfnException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Definition checks: what CreateStateMachine and UpdateStateMachine refuse (InvalidDefinition), and
 * ValidateStateMachineDefinition's diagnostics. Lambda functions are not looked up here, as Step Functions
 * does not look them up; Task resources this engine cannot run at all (not Lambda) are refused at create.
 */
final class Definitions {
    private static final Pattern STATE = Pattern.compile("^State '([^']+)'");

    private Definitions() {
    }

    /** Parses a definition to store, or throws InvalidDefinition naming every problem. */
    static StateMachineDefinition parseRunnable(String text) {
        StateMachineDefinition definition;
        try {
            definition = StateMachineDefinition.parse(text);
        } catch (InvalidDefinitionException e) {
            throw invalid(e.problems());
        }
        List<String> unsupported = definition.tasks().stream()
                .filter(StateMachineDefinition.TaskBinding::unsupported)
                .map(task -> "State '" + task.stateName() + "': resource '" + task.resource() + "' is valid in AWS"
                        + " but not runnable by this local engine, which runs Lambda ARNs and"
                        + " arn:aws:states:::lambda:invoke only")
                .toList();
        if (!unsupported.isEmpty()) {
            throw invalid(unsupported);
        }
        return definition;
    }

    private static SfnException invalid(List<String> problems) {
        return new SfnException("InvalidDefinition",
                "Invalid State Machine Definition: '" + String.join("; ", problems) + "'");
    }

    /** ValidateStateMachineDefinition: {@code result} OK or FAIL with one diagnostic per problem. */
    static ObjectNode validate(AwsJsonRequest request) {
        String text = request.requiredString("definition");
        String severity = request.string("severity").orElse("ERROR");
        if (!severity.equals("ERROR") && !severity.equals("WARNING")) {
            throw SfnException.validation("severity", severity, "Member must satisfy enum value set: [ERROR, WARNING]");
        }
        int maxResults = request.integer("maxResults").orElse(0);
        if (maxResults < 0 || maxResults > 100) {
            throw SfnException.validation("maxResults", maxResults,
                    "Member must have value less than or equal to 100 and greater than or equal to 0");
        }
        int limit = maxResults == 0 ? 100 : maxResults;
        List<String> problems;
        boolean notJson = false;
        try {
            StateMachineDefinition.parse(text);
            problems = List.of();
        } catch (InvalidDefinitionException e) {
            problems = e.problems();
            notJson = problems.size() == 1 && problems.get(0).startsWith("the definition is not JSON");
        }
        ObjectNode answer = LocalJson.MAPPER.createObjectNode();
        answer.put("result", problems.isEmpty() ? "OK" : "FAIL");
        ArrayNode diagnostics = answer.putArray("diagnostics");
        for (String problem : problems.subList(0, Math.min(limit, problems.size()))) {
            ObjectNode diagnostic = diagnostics.addObject();
            diagnostic.put("severity", "ERROR");
            diagnostic.put("code", notJson ? "INVALID_JSON_DESCRIPTION" : "SCHEMA_VALIDATION_FAILED");
            diagnostic.put("message", problem);
            Matcher state = STATE.matcher(problem);
            if (state.find()) {
                diagnostic.put("location", "/States/" + state.group(1));
            }
        }
        answer.put("truncated", problems.size() > limit);
        return answer;
    }
}
