package io.autoremediate.local.sfn.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One API operation: the request body in, the response body out, or an {@link SfnException}. */
@FunctionalInterface
public interface Operation {
    ObjectNode handle(AwsJsonRequest request);
}
