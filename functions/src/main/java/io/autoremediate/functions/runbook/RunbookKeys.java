package io.autoremediate.functions.runbook;

import io.autoremediate.functions.incident.Incident;
import java.util.ArrayList;
import java.util.List;

/**
 * The naming convention: a runbook named for the alarm wins ({@code <alarm-name>.sh}), else one named for
 * its metric ({@code <metric-name>#<namespace>.sh}). A name segment must not become a folder, so {@code /}
 * and {@code \} are written {@code _} ({@code AWS/EC2} gives {@code CPUUtilization#AWS_EC2.sh}); a name with
 * a control character yields no key at all.
 */
public final class RunbookKeys {

    public static final String SUFFIX = ".sh";

    private RunbookKeys() {
    }

    /** The keys to try, most specific first. */
    public static List<String> candidatesFor(Incident incident) {
        List<String> keys = new ArrayList<>(2);
        String byAlarm = segment(incident.alarmName());
        if (byAlarm != null) {
            keys.add(byAlarm + SUFFIX);
        }
        if (incident.hasMetric()) {
            String metric = segment(incident.metricName());
            String namespace = segment(incident.namespace());
            if (metric != null && namespace != null) {
                keys.add(metric + "#" + namespace + SUFFIX);
            }
        }
        return keys;
    }

    /** One path segment made from a name, or null when the name cannot safely be one. */
    static String segment(String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return null;
            }
        }
        String segment = name.replace('/', '_').replace('\\', '_');
        return segment.equals(".") || segment.equals("..") ? null : segment;
    }
}
