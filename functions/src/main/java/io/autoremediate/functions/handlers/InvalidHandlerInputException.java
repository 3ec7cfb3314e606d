package io.autoremediate.functions.handlers;

/** A step was given input it cannot read; the message names the step and the problem. */
public class InvalidHandlerInputException extends RuntimeException {

    public InvalidHandlerInputException(String message) {
        super(message);
    }
}
