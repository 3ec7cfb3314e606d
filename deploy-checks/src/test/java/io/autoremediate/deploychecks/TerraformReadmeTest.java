package io.autoremediate.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoremediate.deploychecks.hcl.HclBlock;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Every input of both modules is described in variables.tf and documented in terraform/README.md. */
class TerraformReadmeTest {

    @Test
    void everyInputIsDescribedAndDocumented() throws Exception {
        String readme = Files.readString(Repository.resolve("terraform/README.md"));
        for (TerraformModule module : new TerraformModule[] {Modules.AUTOREMEDIATE, Modules.INSTANCE_PROFILE}) {
            for (HclBlock variable : module.blocks("variable")) {
                String name = variable.labels().get(0);
                assertThat(variable.required("description").asString()).as(variable.toString()).isNotBlank();
                assertThat(readme).as("terraform/README.md documents input %s", name).contains("| `" + name + "` |");
            }
        }
    }

    @Test
    void everyOutputIsDescribed() {
        for (TerraformModule module : new TerraformModule[] {Modules.AUTOREMEDIATE, Modules.INSTANCE_PROFILE,
                Modules.EXAMPLE}) {
            for (HclBlock output : module.blocks("output")) {
                assertThat(output.required("description").asString()).as(output.toString()).isNotBlank();
            }
        }
    }

    @Test
    void theExampleAlarmIsWebappUptimeBelowOneWithMissingDataBreaching() {
        HclBlock alarm = Modules.AUTOREMEDIATE.resource("aws_cloudwatch_metric_alarm", "example");
        assertThat(alarm.required("metric_name").asString()).isEqualTo("webapp-uptime");
        assertThat(Modules.variableDefault("example_alarm_namespace")).isEqualTo("CustomNamespace");
        assertThat(alarm.required("comparison_operator").asString()).isEqualTo("LessThanThreshold");
        assertThat(alarm.required("threshold").source()).isEqualTo("1");
        assertThat(alarm.required("treat_missing_data").asString()).isEqualTo("breaching");
        assertThat(alarm.required("dimensions").source()).isEqualTo("{ InstanceId = var.example_alarm_instance_id }");
    }
}
