# One bucket: runbooks under var.runbook_prefix (read by the functions), command output under
# var.output_prefix (written by the SSM agent on the instances, read by people).

resource "aws_s3_bucket" "this" {
  bucket        = local.bucket_name
  force_destroy = var.bucket_force_destroy
  tags          = local.common_tags
}

resource "aws_s3_bucket_ownership_controls" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Versioning keeps every runbook that ever ran: ResolveScript records the VersionId it resolved.
resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = var.kms_key_arn == null ? "AES256" : "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }
    bucket_key_enabled = var.kms_key_arn != null
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    id     = "expire-command-output"
    status = "Enabled"
    filter {
      prefix = var.output_prefix
    }
    expiration {
      days = var.command_output_expiration_days
    }
    noncurrent_version_expiration {
      noncurrent_days = var.command_output_expiration_days
    }
  }

  rule {
    id     = "abort-incomplete-uploads"
    status = "Enabled"
    filter {}
    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  depends_on = [aws_s3_bucket_versioning.this]
}

data "aws_iam_policy_document" "bucket" {
  statement {
    # The one wildcard action in the module, and it only takes away: a Deny that lists actions would
    # leave every unlisted one open over plain HTTP. deploy-checks allows a wildcard in this Deny only.
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.this.arn, "${aws_s3_bucket.this.arn}/*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "this" {
  bucket = aws_s3_bucket.this.id
  policy = data.aws_iam_policy_document.bucket.json

  depends_on = [aws_s3_bucket_public_access_block.this]
}

# Runbooks: every *.sh of var.runbooks_dir, keyed by file name. The etag is the file's MD5, which is the
# object's ETag for a single-part SSE-S3 upload: a changed file differs and is uploaded again. With SSE-KMS
# the ETag is not the MD5, so source_hash (kept in state only) carries the change instead.
resource "aws_s3_object" "runbook" {
  for_each = fileset(var.runbooks_dir, "*.sh")

  bucket       = aws_s3_bucket.this.id
  key          = "${var.runbook_prefix}${each.value}"
  source       = "${var.runbooks_dir}/${each.value}"
  content_type = "text/x-shellscript"
  etag         = var.kms_key_arn == null ? filemd5("${var.runbooks_dir}/${each.value}") : null
  source_hash  = filemd5("${var.runbooks_dir}/${each.value}")
  tags         = local.common_tags

  depends_on = [aws_s3_bucket_versioning.this, aws_s3_bucket_server_side_encryption_configuration.this]
}
