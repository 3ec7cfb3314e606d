package io.autoremediate.functions.adapters.aws;

/** Where the notification channels' secrets live; each is read by name once per container. */
public interface SecretStore {

    /** The secret's value; throws naming the secret (never its value) when it cannot be read. */
    String read(String name);
}
