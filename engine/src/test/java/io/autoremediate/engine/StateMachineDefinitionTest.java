package io.autoremediate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation messages name the state and the field, and every problem is reported at once. */
class StateMachineDefinitionTest {

    private static List<String> problems(String definition) {
        InvalidDefinitionException e = catchThrowableOfType(InvalidDefinitionException.class,
                () -> StateMachineDefinition.parse(definition));
        assertThat(e).as("expected the definition to be invalid").isNotNull();
        return e.problems();
    }

    @Test
    void validDefinitionExposesItsShape() {
        StateMachineDefinition definition = StateMachineDefinition.parse("""
                {"Comment":"demo","TimeoutSeconds":300,"StartAt":"A","States":{
                  "A":{"Type":"Pass","Next":"B"},"B":{"Type":"Succeed"}}}""");

        assertThat(definition.startAt()).isEqualTo("A");
        assertThat(definition.stateNames()).containsExactly("A", "B");
        assertThat(definition.comment()).contains("demo");
        assertThat(definition.timeoutSeconds()).contains(300);
    }

    @Test
    void nextNamingAMissingStateIsReported() {
        assertThat(problems("""
                {"StartAt":"Poll","States":{"Poll":{"Type":"Pass","Next":"Nope"}}}"""))
                .containsExactly("State 'Poll': 'Next' names 'Nope', which is not a state");
    }

    @Test
    void startAtNamingAMissingStateIsReported() {
        assertThat(problems("{\"StartAt\":\"X\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}"))
                .contains("'StartAt' names 'X', which is not a state");
    }

    @Test
    void unreachableStateIsReported() {
        assertThat(problems("""
                {"StartAt":"A","States":{"A":{"Type":"Succeed"},"Orphan":{"Type":"Succeed"}}}"""))
                .containsExactly("State 'Orphan': not reachable from StartAt 'A'");
    }

    @Test
    void missingNextAndEndIsReported() {
        assertThat(problems("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\"}}}"))
                .containsExactly("State 'A': 'Next' or 'End: true' is required");
    }

    @Test
    void nextWithEndIsReported() {
        assertThat(problems("""
                {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B","End":true},"B":{"Type":"Succeed"}}}"""))
                .containsExactly("State 'A': 'Next' and 'End' are mutually exclusive");
    }

    @Test
    void unknownTypeIsReported() {
        assertThat(problems("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Sleep\",\"End\":true}}}"))
                .containsExactly("State 'A': 'Type' 'Sleep' is not a state type (Pass, Task, Choice, Wait, Succeed, "
                        + "Fail, Parallel, Map)");
    }

    @Test
    void fieldOfTheWrongTypeIsReported() {
        assertThat(problems("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f",
                  "TimeoutSeconds":"soon","End":true}}}"""))
                .containsExactly("State 'T': 'TimeoutSeconds' must be an integer of at least 1, but was \"soon\"");
    }

    @Test
    void fieldNotSupportedByTheStateTypeIsReported() {
        assertThat(problems("""
                {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":1,"ResultPath":"$.x","End":true}}}"""))
                .containsExactly("State 'W': field 'ResultPath' is not supported by a Wait state");
    }

    @Test
    void allProblemsAreListedTogether() {
        InvalidDefinitionException e = catchThrowableOfType(InvalidDefinitionException.class,
                () -> StateMachineDefinition.parse("""
                {"StartAt":"A","States":{
                  "A":{"Type":"Pass","Next":"Nope"},
                  "B":{"Type":"Wait","End":true},
                  "C":{"Type":"Task","End":true}}}"""));

        assertThat(e.problems()).containsExactly(
                "State 'B': exactly one of 'Seconds', 'SecondsPath', 'Timestamp' or 'TimestampPath' is required, "
                        + "but 0 were given",
                "State 'C': 'Resource' is required",
                "State 'A': 'Next' names 'Nope', which is not a state");
        assertThat(e.getMessage()).startsWith("3 problems: ");
    }

    @Test
    void statesAllMustBeAloneAndLast() {
        assertThat(problems("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f",
                  "Retry":[{"ErrorEquals":["States.ALL"]},{"ErrorEquals":["X"]}],
                  "Catch":[{"ErrorEquals":["States.ALL","X"],"Next":"T"}],"End":true}}}"""))
                .containsExactly("State 'T': Retry[0]: States.ALL must appear only in the last element",
                        "State 'T': Catch[0]: 'ErrorEquals' must hold States.ALL alone, but was [\"States.ALL\",\"X\"]");
    }

    @Test
    void badRetrierValuesAreReported() {
        assertThat(problems("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f",
                  "Retry":[{"ErrorEquals":["X"],"BackoffRate":0.5,"MaxAttempts":-1,"JitterStrategy":"SOME"}],
                  "End":true}}}"""))
                .containsExactly(
                        "State 'T': Retry[0]: 'MaxAttempts' must be an integer of at least 0, but was -1",
                        "State 'T': Retry[0]: 'BackoffRate' must be a number of at least 1.0, but was 0.5",
                        "State 'T': Retry[0]: 'JitterStrategy' must be FULL or NONE, but was 'SOME'");
    }

    @Test
    void catcherNextNamingAMissingStateIsReported() {
        assertThat(problems("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f",
                  "Catch":[{"ErrorEquals":["X"],"Next":"Gone"}],"End":true}}}"""))
                .containsExactly("State 'T': Catch[0]: 'Next' names 'Gone', which is not a state");
    }

    @Test
    void choiceRulesAreValidated() {
        assertThat(problems("""
                {"StartAt":"C","States":{"C":{"Type":"Choice","Default":"D","Choices":[
                  {"Variable":"$.a","NumericEquals":"one","Next":"D"},
                  {"Not":{"Variable":"$.a","IsNull":true,"Next":"D"},"Next":"D"},
                  {"Variable":"$.a","StringEquals":"x"}]},
                  "D":{"Type":"Succeed"}}}"""))
                .containsExactly(
                        "State 'C': Choices[0]: 'NumericEquals' must be a number, but was \"one\"",
                        "State 'C': Choices[1]: Not: 'Next' is allowed only on top-level Choice Rules",
                        "State 'C': Choices[2]: 'Next' is required and must be a string");
    }

    @Test
    void resultPathMustBeAReferencePath() {
        assertThat(problems("""
                {"StartAt":"P","States":{"P":{"Type":"Pass","ResultPath":"$.items[*]","End":true}}}"""))
                .containsExactly("State 'P': 'ResultPath' must be a reference path (like $.a.b or $.a[0]), but was "
                        + "'$.items[*]'");
    }

    @Test
    void parametersWithABadIntrinsicAreReported() {
        assertThat(problems("""
                {"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"x.$":"States.Nope(1)"},"End":true}}}"""))
                .containsExactly("State 'P': 'Parameters': 'x.$' has an invalid intrinsic function call: "
                        + "'States.Nope' is not an intrinsic function");
    }

    @Test
    void lambdaInvokeNeedsAFunctionName() {
        assertThat(problems("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "Parameters":{"Payload":{}},"End":true}}}"""))
                .containsExactly("State 'T': 'Parameters' must give 'FunctionName' for the resource "
                        + "arn:aws:states:::lambda:invoke");
    }

    @Test
    void problemsInsideBranchesSayWhichBranch() {
        assertThat(problems("""
                {"StartAt":"Par","States":{"Par":{"Type":"Parallel","End":true,"Branches":[
                  {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Outside"}}}]},
                  "Outside":{"Type":"Succeed"}}}"""))
                .contains("State 'Par': Branches[0]: State 'A': 'Next' names 'Outside', which is not a state");
    }

    @Test
    void notJsonIsReported() {
        assertThat(problems("{not json")).singleElement().asString().startsWith("the definition is not JSON");
    }
}
