package io.autoremediate.functions.adapters.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoremediate.functions.errors.DependencyRefusedException;
import io.autoremediate.functions.runbook.Runbook;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/** The runbook store against S3Mock, a real S3 endpoint: what the WireMock tests assume, checked. */
class S3RunbookStoreOnS3MockTest {

    private static final String PREFIX = "runbooks/";
    private static S3Client s3;
    private static String bucket;

    @BeforeAll
    static void startS3() {
        s3 = S3MockServer.shared().client();
        bucket = "runbooks-" + UUID.randomUUID();
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    }

    private final S3RunbookStore store = new S3RunbookStore(s3, bucket, PREFIX);

    @Test
    void findsTheRunbookAndRecordsTheVersionIdOfAVersionedBucket() {
        String script = "#!/bin/bash\nsystemctl restart webapp\n";
        put("webapp-uptime#CustomNamespace.sh", "#!/bin/sh\necho old version\n");
        String versionId = put("webapp-uptime#CustomNamespace.sh", script);

        Runbook runbook = store.find("webapp-uptime#CustomNamespace.sh").orElseThrow();

        assertThat(versionId).isNotBlank().isNotEqualTo("null");
        assertThat(runbook.script()).isEqualTo(script);
        assertThat(runbook.ref().version()).isEqualTo(versionId);
        assertThat(runbook.ref().location()).isEqualTo("s3://" + bucket + "/runbooks/webapp-uptime#CustomNamespace.sh");
        assertThat(runbook.ref().sha256()).isEqualTo(Runbook.sha256(script.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"webapp-uptime#CustomNamespace.sh", "disk space low#Custom Namespace.sh",
            "CPUUtilization#AWS_EC2.sh", "ünïcode alarm+plus&amp=eq#NS.sh"})
    void keysWithSpacesHashesAndOtherCharactersRoundTrip(String key) {
        String script = "echo " + key.hashCode() + "\n";
        put(key, script);

        assertThat(store.find(key)).get().extracting(Runbook::script).isEqualTo(script);
    }

    @Test
    void missingKeyIsEmpty() {
        assertThat(store.find("no-such-alarm.sh")).isEmpty();
    }

    @Test
    void keyThatOnlyDiffersByTheEncodedHashIsNotConfused() {
        put("alarm#NS.sh", "echo hash\n");

        assertThat(store.find("alarm%23NS.sh")).isEmpty();
    }

    @Test
    void runbookOverTheSizeLimitIsRefused() {
        put("huge.sh", "#".repeat(S3RunbookStore.DEFAULT_MAX_BYTES + 1));

        assertThatThrownBy(() -> store.find("huge.sh"))
                .isInstanceOf(DependencyRefusedException.class)
                .hasMessageContaining("runbook 'huge.sh'")
                .hasMessageContaining("over the limit of " + S3RunbookStore.DEFAULT_MAX_BYTES + " bytes");
    }

    @Test
    void runbookOfExactlyTheSizeLimitIsRead() {
        put("max.sh", "#".repeat(S3RunbookStore.DEFAULT_MAX_BYTES));

        assertThat(store.find("max.sh")).get().extracting(r -> r.ref().size()).isEqualTo((long) S3RunbookStore.DEFAULT_MAX_BYTES);
    }

    @Test
    void missingBucketIsRefusedNamingTheVariable() {
        S3RunbookStore nowhere = new S3RunbookStore(s3, "no-such-bucket-" + UUID.randomUUID(), PREFIX);

        assertThatThrownBy(() -> nowhere.find("webapp-uptime#CustomNamespace.sh"))
                .isInstanceOf(DependencyRefusedException.class)
                .hasMessageContaining("NoSuchBucket")
                .hasMessageContaining("RUNBOOK_BUCKET");
    }

    private static String put(String key, String content) {
        return s3.putObject(b -> b.bucket(bucket).key(PREFIX + key),
                RequestBody.fromString(content, StandardCharsets.UTF_8)).versionId();
    }
}
