package io.autoremediate.functions.adapters.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SsmOutputTailTest {

    private static final String KEY = "command-output/alarm/20240102T030405Z/attempt-1/cmd/i-0abc/awsrunShellScript/"
            + "0.awsrunShellScript/stdout";

    @Test
    void outputShorterThanTheAgentsLimitIsComplete() {
        assertThat(SsmOutputTail.truncated("x".repeat(23_996), 24_000)).isFalse();
        assertThat(SsmOutputTail.truncated("", 8_000)).isFalse();
    }

    @Test
    void outputAtTheLimitCountedInUtf8BytesIsCut() {
        assertThat(SsmOutputTail.truncated("x".repeat(24_000), 24_000)).isTrue();
        // 8,000 characters of two bytes each are 16,000 bytes: far over stderr's limit of 8,000 bytes.
        assertThat(SsmOutputTail.truncated("é".repeat(4_000), 8_000)).isTrue();
        // The agent may cut inside a character, which then decodes to one replacement character.
        assertThat(SsmOutputTail.truncated("x".repeat(23_997), 24_000)).isTrue();
    }

    @Test
    void outputThatEndsWithTheAgentsTruncationMarkerIsCut() {
        assertThat(SsmOutputTail.truncated("short\n---Output truncated---", 24_000)).isTrue();
        assertThat(SsmOutputTail.truncated("short\n---Error truncated----\n", 8_000)).isTrue();
        assertThat(SsmOutputTail.truncated("short--output truncated--", 24_000)).isTrue();
    }

    @Test
    void keyIsReadFromPathStyleUrls() {
        assertThat(SsmOutputTail.keyIn("https://s3.us-east-1.amazonaws.com/out/" + KEY, "out")).contains(KEY);
        assertThat(SsmOutputTail.keyIn("https://s3.amazonaws.com/out/" + KEY, "out")).contains(KEY);
    }

    @Test
    void keyIsReadFromVirtualHostedUrls() {
        assertThat(SsmOutputTail.keyIn("https://out.s3.eu-west-1.amazonaws.com/" + KEY, "out")).contains(KEY);
        assertThat(SsmOutputTail.keyIn("https://out.s3.amazonaws.com/" + KEY, "out")).contains(KEY);
    }

    @Test
    void urlOfAnotherBucketOrNoUrlHasNoKey() {
        assertThat(SsmOutputTail.keyIn("https://s3.us-east-1.amazonaws.com/other/" + KEY, "out")).isEmpty();
        assertThat(SsmOutputTail.keyIn("https://other.s3.amazonaws.com/" + KEY, "out")).isEmpty();
        assertThat(SsmOutputTail.keyIn("https://evil.example/out/" + KEY, "out")).isEmpty();
        assertThat(SsmOutputTail.keyIn("", "out")).isEmpty();
        assertThat(SsmOutputTail.keyIn(null, "out")).isEmpty();
        assertThat(SsmOutputTail.keyIn("not a url", "out")).isEmpty();
    }
}
