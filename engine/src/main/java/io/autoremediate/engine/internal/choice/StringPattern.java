package io.autoremediate.engine.internal.choice;

/**
 * StringMatches patterns (spec "Choice Rules"): {@code *} matches any run of characters, {@code \*} a literal
 * asterisk and {@code \\} a literal backslash.
 */
final class StringPattern {
    private StringPattern() {
    }

    static boolean matches(String pattern, String text) {
        return matchFrom(pattern, 0, text, 0);
    }

    private static boolean matchFrom(String pattern, int p, String text, int t) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                while (p < pattern.length() && pattern.charAt(p) == '*') {
                    p++;
                }
                if (p == pattern.length()) {
                    return true;
                }
                for (int start = t; start <= text.length(); start++) {
                    if (matchFrom(pattern, p, text, start)) {
                        return true;
                    }
                }
                return false;
            }
            if (c == '\\' && p + 1 < pattern.length()) {
                c = pattern.charAt(++p);
            }
            if (t >= text.length() || text.charAt(t) != c) {
                return false;
            }
            p++;
            t++;
        }
        return t == text.length();
    }
}
