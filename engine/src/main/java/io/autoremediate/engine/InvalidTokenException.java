package io.autoremediate.engine;

/** InvalidToken: the text is not a task token this engine issued (truncated, mistyped, from elsewhere). */
public final class InvalidTokenException extends TaskTokenException {
    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String taskToken) {
        super("Invalid Token: '" + abbreviate(taskToken) + "' is not a task token issued by this engine", taskToken);
    }

    @Override
    public String errorCode() {
        return "InvalidToken";
    }

    static String abbreviate(String token) {
        if (token == null) {
            return "null";
        }
        return token.length() <= 40 ? token : token.substring(0, 37) + "...";
    }
}
