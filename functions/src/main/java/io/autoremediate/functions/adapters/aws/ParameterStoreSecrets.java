package io.autoremediate.functions.adapters.aws;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;

/** Secrets from SSM Parameter Store SecureString parameters (GetParameter with decryption). */
public final class ParameterStoreSecrets implements SecretStore {

    private final SsmClient ssm;

    public ParameterStoreSecrets(SsmClient ssm) {
        this.ssm = ssm;
    }

    @Override
    public String read(String name) {
        try {
            return ssm.getParameter(b -> b.name(name).withDecryption(true)).parameter().value().strip();
        } catch (SdkException e) {
            throw AwsFailures.translate(AwsCall.of("SSM", "GetParameter", "parameter '" + name + "'",
                    "ssm:GetParameter (and kms:Decrypt on its key)"), e);
        }
    }
}
