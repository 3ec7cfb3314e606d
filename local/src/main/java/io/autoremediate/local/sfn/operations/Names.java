package io.autoremediate.local.sfn.operations;

import io.autoremediate.local.sfn.protocol.SfnException;
import java.util.regex.Pattern;

/**
 * Step Functions' rule for state machine and execution names: 1 to 80 characters, without whitespace,
 * brackets, wildcards, control characters or {@code " # % \ ^ | ~ ` $ & , ; : /}.
 */
final class Names {
    private static final Pattern VALID = Pattern.compile("[^\\s?*<>{}\\[\\]:;,\\\\|^~$#%&`\"/\\p{Cntrl}]{1,80}");

    private Names() {
    }

    static String require(String what, String name) {
        if (!VALID.matcher(name).matches()) {
            throw new SfnException("InvalidName", "Invalid Name: '" + name + "': a " + what + " name has 1 to 80"
                    + " characters, without whitespace, ? * < > { } [ ] : ; , \\ | ^ ~ $ # % & ` \" / or control"
                    + " characters");
        }
        return name;
    }
}
