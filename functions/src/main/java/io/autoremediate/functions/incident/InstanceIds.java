package io.autoremediate.functions.incident;

import java.util.regex.Pattern;

/** Which dimension values may be sent a command: EC2 instance ids and SSM managed-instance ids only. */
public final class InstanceIds {

    private static final Pattern EC2 = Pattern.compile("i-(?:[0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern MANAGED = Pattern.compile("mi-[0-9a-f]{17}");

    private InstanceIds() {
    }

    public static boolean isValid(String id) {
        return id != null && (EC2.matcher(id).matches() || MANAGED.matcher(id).matches());
    }
}
