package io.autoremediate.functions.notify;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a state machine Catch puts in the state: the error's name and its cause. */
public record CaughtError(@JsonProperty("Error") String error, @JsonProperty("Cause") String cause) {
}
