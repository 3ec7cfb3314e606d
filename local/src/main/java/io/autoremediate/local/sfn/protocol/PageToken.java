package io.autoremediate.local.sfn.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque nextToken values: a position (a sequence number or an index) and the listing it belongs to, so a
 * token handed to another listing is refused with InvalidToken as AWS refuses it.
 */
public final class PageToken {
    /** ListExecutions and ListStateMachines return 100 items when maxResults is 0 or absent; 1000 at most. */
    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 1000;

    private PageToken() {
    }

    public static String encode(String listing, long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((listing + "\n" + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position in a token made for {@code listing}. */
    public static long decode(String listing, String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int newline = text.lastIndexOf('\n');
            if (newline < 0 || !text.substring(0, newline).equals(listing)) {
                throw new IllegalArgumentException("another listing's token");
            }
            return Long.parseLong(text.substring(newline + 1));
        } catch (IllegalArgumentException e) {
            throw new SfnException("InvalidToken", "Invalid Token: '" + token + "'");
        }
    }

    /** The page size for a maxResults value: 0 or absent is the default; more than 1000 is refused. */
    public static int pageSize(AwsJsonRequest request) {
        int maxResults = request.integer("maxResults").orElse(0);
        if (maxResults < 0 || maxResults > MAX_PAGE_SIZE) {
            throw SfnException.validation("maxResults", maxResults,
                    "Member must have value less than or equal to 1000 and greater than or equal to 0");
        }
        return maxResults == 0 ? DEFAULT_PAGE_SIZE : maxResults;
    }
}
