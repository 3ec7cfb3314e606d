package io.autoremediate.functions.adapters.aws;

/**
 * Refuses runbook keys that could reach outside the store's prefix or confuse a reader of the logs. Callers
 * already build keys safely ({@code RunbookKeys}); this is the store's own guard, so that no future caller can
 * turn an alarm name into {@code ../../secrets}.
 */
final class RunbookKeyCheck {

    private RunbookKeyCheck() {
    }

    static String checked(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("runbook key must not be empty");
        }
        if (key.startsWith("/")) {
            throw new IllegalArgumentException("runbook key '" + key + "' must be relative to the store's prefix, "
                    + "without a leading /");
        }
        for (int i = 0; i < key.length(); i++) {
            if (Character.isISOControl(key.charAt(i))) {
                throw new IllegalArgumentException("runbook key contains control character U+"
                        + String.format("%04X", (int) key.charAt(i)) + " at index " + i);
            }
        }
        for (String segment : key.split("[/\\\\]", -1)) {
            if (segment.equals("..")) {
                throw new IllegalArgumentException("runbook key '" + key + "' must not contain a '..' segment");
            }
        }
        return key;
    }
}
