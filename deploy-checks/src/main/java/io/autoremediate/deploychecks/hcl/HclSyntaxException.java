package io.autoremediate.deploychecks.hcl;

/** The text is not HCL this reader understands; the message starts with {@code file:line}. */
public class HclSyntaxException extends RuntimeException {

    public HclSyntaxException(String message) {
        super(message);
    }
}
