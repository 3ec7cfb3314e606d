package io.autoremediate.functions.adapters.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.autoremediate.functions.errors.DependencyRefusedException;
import io.autoremediate.functions.errors.DependencyUnavailableException;
import io.autoremediate.functions.runbook.Runbook;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** S3 speaks REST/XML; with a custom endpoint the client addresses buckets by path: GET /bucket/key. */
class S3RunbookStoreTest {

    @RegisterExtension
    static WireMockExtension s3 = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String SCRIPT = "#!/bin/bash\nsystemctl restart webapp\n";
    /** The SDK percent-encodes '#' in the key. */
    private static final String OBJECT_PATH = "/runbook-bucket/runbooks/webapp-uptime%23CustomNamespace.sh";
    private static final String KEY = "webapp-uptime#CustomNamespace.sh";

    private final S3RunbookStore store = new S3RunbookStore(SdkClients.s3(s3.baseUrl()), "runbook-bucket", "runbooks/");

    @Test
    void findReadsTheObjectUnderThePrefixAndRecordsItsVersionId() {
        s3.stubFor(get(urlPathEqualTo(OBJECT_PATH)).willReturn(object(SCRIPT)
                .withHeader("x-amz-version-id", "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY")));

        Runbook runbook = store.find(KEY).orElseThrow();

        assertThat(runbook.script()).isEqualTo(SCRIPT);
        assertThat(runbook.ref().key()).isEqualTo(KEY);
        assertThat(runbook.ref().location()).isEqualTo("s3://runbook-bucket/runbooks/" + KEY);
        assertThat(runbook.ref().version()).isEqualTo("3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY");
        assertThat(runbook.ref().sha256()).isEqualTo(Runbook.sha256(SCRIPT.getBytes(StandardCharsets.UTF_8)));
        assertThat(runbook.ref().size()).isEqualTo(SCRIPT.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void unversionedBucketRecordsTheEtagWithoutQuotes() {
        s3.stubFor(get(urlPathEqualTo(OBJECT_PATH)).willReturn(object(SCRIPT)));

        assertThat(store.find(KEY).orElseThrow().ref().version()).isEqualTo("9b2cf535f27731c974343645a3985328");
    }

    @Test
    void versioningSuspendedBucketAnswersNullVersionAndTheEtagIsRecorded() {
        s3.stubFor(get(urlPathEqualTo(OBJECT_PATH)).willReturn(object(SCRIPT).withHeader("x-amz-version-id", "null")));

        assertThat(store.find(KEY).orElseThrow().ref().version()).isEqualTo("9b2cf535f27731c974343645a3985328");
    }

    @Test
    void missingKeyIsEmpty() {
        s3.stubFor(get(urlPathEqualTo(OBJECT_PATH)).willReturn(error(404, "NoSuchKey",
                "The specified key does not exist.")));

        assertThat(store.find(KEY)).isEmpty();
    }

    @Test
    void notFoundWithoutAnErrorBodyIsEmpty() {
        s3.stubFor(get(urlPathEqualTo(OBJECT_PATH)).willReturn(aResponse().withStatus(404)));

        assertThat(store.find(KEY)).isEmpty();
    }

    @Test
    void missingBucketIsRefusedNamingTheVariableToCheck() {
        s3.stubFor(get(urlPathEqualTo(OBJECT_PATH)).willReturn(error(404, "NoSuchBucket",
                "The specified bucket does not exist")));

        assertThatThrownBy(() -> store.find(KEY))
                .isInstanceOf(DependencyRefusedException.class)
                .hasMessageContaining("runbook-bucket does not exist")
                .hasMessageContaining("RUNBOOK_BUCKET");
    }

    @Test
    void objectOverTheSizeLimitIsRefusedNamingKeySizeAndLimit() {
        S3RunbookStore small = new S3RunbookStore(SdkClients.s3(s3.baseUrl()), "runbook-bucket", "runbooks/", 64);
        s3.stubFor(get(urlPathEqualTo(OBJECT_PATH)).willReturn(object("x".repeat(100))));

        assertThatThrownBy(() -> small.find(KEY))
                .isInstanceOf(DependencyRefusedException.class)
                .hasMessageContaining(KEY)
                .hasMessageContaining("100 bytes")
                .hasMessageContaining("limit of 64 bytes");
    }

    @Test
    void objectOfExactlyTheLimitIsRead() {
        S3RunbookStore small = new S3RunbookStore(SdkClients.s3(s3.baseUrl()), "runbook-bucket", "runbooks/", 64);
        s3.stubFor(get(urlPathEqualTo(OBJECT_PATH)).willReturn(object("x".repeat(64))));

        assertThat(small.find(KEY).map(r -> r.script().length())).contains(64);
    }

    @Test
    void streamedObjectOverTheLimitIsRefusedAfterReadingOnlyOneByteMoreThanTheLimit() {
        S3RunbookStore small = new S3RunbookStore(SdkClients.s3(s3.baseUrl()), "runbook-bucket", "runbooks/", 64);
        s3.stubFor(get(urlPathEqualTo(OBJECT_PATH)).willReturn(streamedObject("x".repeat(100))));

        assertThatThrownBy(() -> small.find(KEY))
                .isInstanceOf(DependencyRefusedException.class)
                .hasMessageContaining("more than 64 bytes, over the limit of 64 bytes");
    }

    @Test
    void hugeObjectIsRefusedWithTheDefaultLimit() {
        s3.stubFor(get(urlPathEqualTo(OBJECT_PATH)).willReturn(object("x".repeat(4 * 1024 * 1024))));

        assertThatThrownBy(() -> store.find(KEY))
                .isInstanceOf(DependencyRefusedException.class)
                .hasMessageContaining("limit of 65536 bytes");
    }

    @Test
    void accessDeniedIsRefusedNamingThePermissionAndTheListBucketPitfall() {
        s3.stubFor(get(urlPathEqualTo(OBJECT_PATH)).willReturn(error(403, "AccessDenied", "Access Denied")));

        assertThatThrownBy(() -> store.find(KEY))
                .isInstanceOf(DependencyRefusedException.class)
                .hasMessageContaining("s3:GetObject on s3://runbook-bucket/runbooks/*")
                .hasMessageContaining("s3:ListBucket");
    }

    @Test
    void slowDownIsUnavailable() {
        s3.stubFor(get(urlPathEqualTo(OBJECT_PATH)).willReturn(error(503, "SlowDown", "Please reduce your request rate.")));

        assertThatThrownBy(() -> store.find(KEY))
                .isInstanceOf(DependencyUnavailableException.class)
                .hasMessageContaining("S3 GetObject on s3://runbook-bucket/runbooks/" + KEY);
    }

    @Test
    void internalErrorIsUnavailable() {
        s3.stubFor(get(urlPathEqualTo(OBJECT_PATH)).willReturn(error(500, "InternalError",
                "We encountered an internal error. Please try again.")));

        assertThatThrownBy(() -> store.find(KEY)).isInstanceOf(DependencyUnavailableException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secrets.sh", "a/../../b.sh", "..", "/etc/passwd", "a\nb.sh", "a\u0000b", "a\\..\\b"})
    void keysThatCouldLeaveThePrefixOrHideInLogsAreRefusedWithoutARequest(String key) {
        assertThatThrownBy(() -> store.find(key)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("runbook key");
        assertThat(s3.getAllServeEvents()).isEmpty();
    }

    @Test
    void keysWithDotsInsideNamesAreAllowed() {
        s3.stubFor(get(urlPathEqualTo("/runbook-bucket/runbooks/app..v2.sh")).willReturn(object(SCRIPT)));

        assertThat(store.find("app..v2.sh")).map(r -> r.script()).isEqualTo(Optional.of(SCRIPT));
    }

    @Test
    void describeNamesBucketAndPrefixAndAMissingSlashIsAdded() {
        assertThat(store.describe()).isEqualTo("s3://runbook-bucket/runbooks/");
        assertThat(new S3RunbookStore(SdkClients.s3(s3.baseUrl()), "b", "books").describe()).isEqualTo("s3://b/books/");
    }

    /** As S3 answers: Content-Length always set. */
    private static ResponseDefinitionBuilder object(String content) {
        return streamedObject(content)
                .withHeader("Content-Length", Integer.toString(content.getBytes(StandardCharsets.UTF_8).length));
    }

    /** Without Content-Length, as a proxy or local stack streaming the body might answer. */
    private static ResponseDefinitionBuilder streamedObject(String content) {
        return aResponse().withStatus(200)
                .withHeader("ETag", "\"9b2cf535f27731c974343645a3985328\"")
                .withHeader("Content-Type", "text/x-sh")
                .withHeader("Last-Modified", "Wed, 02 Oct 2019 17:04:40 GMT")
                .withBody(content);
    }

    private static ResponseDefinitionBuilder error(int status, String code, String message) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/xml")
                .withBody("""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <Error><Code>%s</Code><Message>%s</Message><RequestId>4442587FB7D0A2F9</RequestId>\
                        <HostId>host-id</HostId></Error>""".formatted(code, message));
    }
}
