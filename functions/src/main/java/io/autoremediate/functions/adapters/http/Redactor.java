package io.autoremediate.functions.adapters.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps secrets out of messages. A webhook URL's path and query are the credential (Slack's
 * {@code /services/T…/B…/…}), so a destination is shown as scheme and host only, and every known secret
 * string is masked wherever a peer or the JDK might echo it.
 */
final class Redactor {

    private static final String MASK = "[redacted]";
    /** Shorter strings could mask ordinary words; real keys and URL paths are far longer. */
    private static final int MIN_SECRET_LENGTH = 6;

    private final String destination;
    private final List<String> secrets = new ArrayList<>();

    Redactor(URI uri, List<String> secrets) {
        this.destination = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        add(uri.toString());
        add(uri.getRawPath());
        add(uri.getPath());
        add(uri.getRawQuery());
        if (secrets != null) {
            secrets.forEach(this::add);
        }
        // Longest first, so a URL is masked whole rather than around its masked path.
        this.secrets.sort((a, b) -> Integer.compare(b.length(), a.length()));
    }

    private void add(String secret) {
        if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
            secrets.add(secret);
        }
    }

    /** {@code https://hooks.slack.com}: enough to know which peer, nothing that grants access. */
    String destination() {
        return destination;
    }

    String clean(String text) {
        String cleaned = text;
        for (String secret : secrets) {
            cleaned = cleaned.replace(secret, MASK);
        }
        return cleaned;
    }
}
