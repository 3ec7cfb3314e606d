package io.autoremediate.functions.runbook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.functions.json.JsonFields;
import io.autoremediate.functions.json.JsonObject;
import java.util.Objects;

/**
 * What was found for an incident: enough to audit which runbook ran (where, which version, its hash) and to
 * fetch exactly that content again when sending. The script itself never travels through the state machine.
 *
 * @param key      the key under the store's prefix, e.g. {@code webapp-uptime#CustomNamespace.sh}
 * @param location where it lives, e.g. {@code s3://bucket/runbooks/webapp-uptime#CustomNamespace.sh}
 * @param version  the S3 version id or ETag, or the local file's modification stamp
 * @param sha256   hex SHA-256 of the content
 * @param size     bytes
 * @param approvalRequired the runbook asks for a person's approval before it runs (see {@link Runbook})
 */
public record RunbookRef(String key, String location, String version, String sha256, long size,
                         boolean approvalRequired) {

    public RunbookRef {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(sha256, "sha256");
    }

    public RunbookRef(String key, String location, String version, String sha256, long size) {
        this(key, location, version, sha256, size, false);
    }

    public ObjectNode toJson() {
        return JsonObject.create().text("key", key).text("location", location).text("version", version)
                .text("sha256", sha256).number("size", size).bool("approvalRequired", approvalRequired).build();
    }

    public static RunbookRef fromJson(JsonFields json) {
        return new RunbookRef(json.requiredText("key"), json.requiredText("location"), json.text("version"),
                json.requiredText("sha256"), json.longInteger("size", 0), json.bool("approvalRequired", false));
    }
}
