package io.autoremediate.functions.adapters.aws;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Secrets from AWS Secrets Manager (GetSecretValue), stored as plain strings. */
public final class SecretsManagerSecrets implements SecretStore {

    private final SecretsManagerClient secretsManager;

    public SecretsManagerSecrets(SecretsManagerClient secretsManager) {
        this.secretsManager = secretsManager;
    }

    @Override
    public String read(String name) {
        try {
            String value = secretsManager.getSecretValue(b -> b.secretId(name)).secretString();
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("secret '" + name + "' has no string value; store the webhook URL or"
                        + " key as the secret's plain text");
            }
            return value.strip();
        } catch (SdkException e) {
            throw AwsFailures.translate(AwsCall.of("Secrets Manager", "GetSecretValue", "secret '" + name + "'",
                    "secretsmanager:GetSecretValue"), e);
        }
    }
}
