package io.autoremediate.functions.runbook;

import java.util.Optional;

/** Where runbooks live: an S3 bucket and prefix in AWS, a folder locally. */
public interface RunbookStore {

    /** The runbook stored under {@code key} (relative to the store's prefix), if there is one. */
    Optional<Runbook> find(String key);

    /** Where a key would be looked for, for messages: {@code s3://bucket/runbooks/} or a folder path. */
    String describe();
}
