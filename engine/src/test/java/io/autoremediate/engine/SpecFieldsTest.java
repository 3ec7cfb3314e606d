package io.autoremediate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fields that Step Functions accepts but this engine does not run are refused by name and with the reason,
 * rather than accepted and ignored: a definition that validates here runs here as it would on the service.
 */
class SpecFieldsTest {

    private static List<String> problems(String definition) {
        InvalidDefinitionException e = catchThrowableOfType(InvalidDefinitionException.class,
                () -> StateMachineDefinition.parse(definition));
        assertThat(e).as("expected the definition to be invalid").isNotNull();
        return e.problems();
    }

    @Test
    void taskCredentialsAreRefusedRatherThanIgnored() {
        // Task state "Credentials" (Step Functions Developer Guide, "Task workflow state"): a role to assume
        // before invoking the resource; in process there is no role, so honouring it is impossible.
        assertThat(problems("""
                {"StartAt":"T","States":{"T":{"Type":"Task","End":true,
                  "Resource":"arn:aws:lambda:us-east-1:123456789012:function:f",
                  "Credentials":{"RoleArn":"arn:aws:iam::111122223333:role/other"}}}}""")).containsExactly(
                "State 'T': 'Credentials' is not supported by this engine: functions run in process, with no role "
                        + "to assume");
    }

    @Test
    void stateQueryLanguageJsonPathIsTheDefaultAndAccepted() {
        StateMachineDefinition definition = StateMachineDefinition.parse("""
                {"StartAt":"P","States":{"P":{"Type":"Pass","QueryLanguage":"JSONPath","End":true}}}""");

        assertThat(definition.stateNames()).containsExactly("P");
    }

    @Test
    void stateQueryLanguageJsonataIsRefusedByName() {
        // Step Functions Developer Guide, "Transforming data with JSONata": QueryLanguage may be set per state.
        assertThat(problems("""
                {"StartAt":"P","States":{"P":{"Type":"Pass","QueryLanguage":"JSONata","End":true}}}"""))
                .containsExactly("State 'P': 'QueryLanguage' 'JSONata' is not supported by this engine (only JSONPath)");
    }

    @Test
    void assignIsRefusedAsUnsupportedVariablesRatherThanAsAnUnknownField() {
        // Step Functions Developer Guide, "Passing data between states with variables": Assign in JSONPath states.
        assertThat(problems("""
                {"StartAt":"P","States":{"P":{"Type":"Pass","Assign":{"x":1},"End":true}}}"""))
                .containsExactly("State 'P': 'Assign' (workflow variables) is not supported by this engine");
    }

    @Test
    void aFieldNoStateHasIsStillReportedAsUnknown() {
        assertThat(problems("""
                {"StartAt":"P","States":{"P":{"Type":"Pass","Speed":"fast","End":true}}}"""))
                .containsExactly("State 'P': field 'Speed' is not supported by a Pass state");
    }
}
