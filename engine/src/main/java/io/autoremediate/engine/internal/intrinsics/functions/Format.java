package io.autoremediate.engine.internal.intrinsics.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.json.Json;
import java.util.List;
import java.util.Random;

import static io.autoremediate.engine.internal.intrinsics.functions.ArgType.PRIMITIVE;
import static io.autoremediate.engine.internal.intrinsics.functions.ArgType.STRING;

/**
 * {@code States.Format(template, values...)}: replaces each {@code {}} in the template with the next value.
 * A backslash escapes a brace, quote or backslash, so {@code \{\}} is a literal pair of braces.
 */
public final class Format extends IntrinsicFunction {
    public Format() {
        super("States.Format", Signature.of(Param.of("template", STRING)).withRest(Param.of("value", PRIMITIVE)));
    }

    @Override
    public boolean wantsRawLiteral(int index) {
        return index == 0;
    }

    @Override
    protected JsonNode apply(List<JsonNode> args, Random random) {
        String template = args.get(0).textValue();
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length()) {
                out.append(template.charAt(++i));
            } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                if (next >= args.size()) {
                    throw failure("the template has more '{}' placeholders than the " + (args.size() - 1)
                            + " value(s) given");
                }
                JsonNode value = args.get(next++);
                out.append(value.isTextual() ? value.textValue() : value.isNull() ? "null" : value.asText());
                i++;
            } else {
                out.append(c);
            }
        }
        if (next != args.size()) {
            throw failure("the template has " + (next - 1) + " '{}' placeholder(s) but " + (args.size() - 1)
                    + " value(s) were given");
        }
        return Json.NODES.textNode(out.toString());
    }
}
