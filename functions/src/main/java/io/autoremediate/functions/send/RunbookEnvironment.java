package io.autoremediate.functions.send;

import io.autoremediate.functions.incident.Incident;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The incident as the runbook sees it: environment variables, never text spliced into the command. Values
 * are data; the runner decides how they reach the process (a real environment, or quoted exports).
 */
public final class RunbookEnvironment {

    public static final String PREFIX = "AUTOREMEDIATE_";

    private RunbookEnvironment() {
    }

    public static Map<String, String> of(RemediationRequest request) {
        Incident incident = request.incident();
        Map<String, String> env = new LinkedHashMap<>();
        put(env, "ALARM_NAME", incident.alarmName());
        put(env, "ALARM_ARN", incident.alarmArn());
        put(env, "ALARM_REASON", incident.reason());
        put(env, "METRIC_NAME", incident.metricName());
        put(env, "NAMESPACE", incident.namespace());
        put(env, "INSTANCE_ID", incident.instanceId());
        put(env, "REGION", incident.region());
        put(env, "ACCOUNT", incident.account());
        put(env, "ATTEMPT", Integer.toString(request.attempt()));
        put(env, "EXECUTION", request.executionName());
        put(env, "RUNBOOK_SHA256", request.runbook().sha256());
        return env;
    }

    private static void put(Map<String, String> env, String name, String value) {
        if (value != null) {
            // NUL cannot live in an environment variable; dropping it is safer than failing the remediation.
            env.put(PREFIX + name, value.replace("\0", ""));
        }
    }
}
