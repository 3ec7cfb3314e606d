package io.autoremediate.deploychecks.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class HclReaderTest {

    @Test
    void readsBlocksWithLabelsAndAttributesInOrder() {
        HclBody body = HclReader.read("""
                # a comment
                resource "aws_s3_bucket" "this" {
                  bucket = "b" // trailing comment
                  nested {
                    count = 2
                  }
                }
                locals { a = true }
                """, "main.tf");
        HclBlock bucket = body.blocks().get(0);
        assertThat(bucket.labels()).containsExactly("aws_s3_bucket", "this");
        assertThat(bucket.line()).isEqualTo(2);
        assertThat(bucket.required("bucket").asString()).isEqualTo("b");
        assertThat(((HclExpression.Literal) bucket.blocks("nested").get(0).required("count")).value())
                .isEqualTo(new BigDecimal("2"));
        assertThat(body.blocks("locals").get(0).required("a").source()).isEqualTo("true");
    }

    @Test
    void keepsReferencesCallsAndForExpressionsAsWritten() {
        HclBody body = HclReader.read("""
                x = aws_lambda_alias.live["notify"].arn
                y = templatefile(var.path, { A = "${local.b}" })
                z = [for p in compact([var.p]) : { detail = { name = [{ prefix = p }] } }]
                """, "f.tf");
        assertThat(body.attribute("x").orElseThrow()).isEqualTo(new HclExpression.Raw("aws_lambda_alias.live[\"notify\"].arn"));
        assertThat(body.attribute("y").orElseThrow().source()).isEqualTo("templatefile(var.path, { A = \"${local.b}\" })");
        assertThat(body.attribute("z").orElseThrow()).isInstanceOf(HclExpression.Raw.class);
    }

    @Test
    void readsTuplesAndObjectsAcrossLinesWithTrailingCommasAndQuotedKeys() {
        HclExpression value = HclReader.read("""
                v = {
                  source        = ["aws.cloudwatch"]
                  "detail-type" = ["a", "b",]
                  n             = { k = var.x }, other = null
                }
                """, "f.tf").attribute("v").orElseThrow();
        var items = value.asObject().items();
        assertThat(items).containsOnlyKeys("source", "detail-type", "n", "other");
        assertThat(items.get("detail-type").asStrings()).containsExactly("a", "b");
        assertThat(items.get("n").asObject().items().get("k")).isEqualTo(new HclExpression.Raw("var.x"));
        assertThat(HclReader.expression("[]").asStrings()).isEmpty();
        assertThat(HclReader.expression("{}").asObject().items()).isEmpty();
    }

    @Test
    void stringsKeepNestedQuotesInInterpolationsAndEscapes() {
        HclBody body = HclReader.read("""
                a = "${var.x == "y" ? "1" : "2"}-z"
                b = "literal $${not} \\"quoted\\""
                """, "f.tf");
        assertThat(body.attribute("a").orElseThrow()).isInstanceOf(HclExpression.Template.class);
        assertThat(body.attribute("b").orElseThrow().asString()).isEqualTo("literal ${not} \"quoted\"");
    }

    @Test
    void readsHeredocsWhole() {
        HclBody body = HclReader.read("""
                policy = <<-EOT
                  { "a": [1, 2
                EOT
                next = 1
                """, "f.tf");
        assertThat(body.attributes()).containsOnlyKeys("policy", "next");
    }

    @Test
    void errorsNameTheFileAndLine() {
        assertThatThrownBy(() -> HclReader.read("a = 1\nblock {\n  b = \"open\n}\n", "bad.tf"))
                .isInstanceOf(HclSyntaxException.class).hasMessageStartingWith("bad.tf:3:");
        assertThatThrownBy(() -> HclReader.read("block {\n  a = 1\n", "bad.tf"))
                .hasMessageContaining("missing '}'");
        assertThatThrownBy(() -> HclReader.read("a = 1\na = 2\n", "twice.tf")).hasMessageContaining("set twice");
        assertThat(List.of(HclReader.read("", "empty.tf").blocks())).hasSize(1);
    }
}
