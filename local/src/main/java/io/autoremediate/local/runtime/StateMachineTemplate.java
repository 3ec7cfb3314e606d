package io.autoremediate.local.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state machine definition with its {@code ${...}} placeholders, filled as Terraform's templatefile
 * fills them: every placeholder must be given and nothing may be left over.
 */
public final class StateMachineTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private final String text;

    public StateMachineTemplate(String text) {
        this.text = text;
    }

    public static StateMachineTemplate read(Path file) throws IOException {
        return new StateMachineTemplate(Files.readString(file));
    }

    public Set<String> placeholders() {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    public String fill(Map<String, String> values) {
        Set<String> missing = new TreeSet<>(placeholders());
        missing.removeAll(values.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("state machine placeholders with no value: " + missing);
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(filled, Matcher.quoteReplacement(values.get(matcher.group(1))));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
