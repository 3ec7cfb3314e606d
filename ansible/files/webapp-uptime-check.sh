#!/usr/bin/env bash
# Probes the sample web app and publishes its uptime to CloudWatch: 1 when the service is active and
# answers with the expected text, 0 otherwise. Run each minute from /etc/cron.d. The instance id (the
# metric's InstanceId dimension) and, unless configured, the region come from IMDSv2.
set -uo pipefail

config="${WEBAPP_UPTIME_CONFIG:-/etc/webapp-uptime.conf}"
if [[ -r "$config" ]]; then
  # shellcheck source=/dev/null
  . "$config"
fi
SERVICE_NAME="${SERVICE_NAME:-webapp}"
PROBE_URL="${PROBE_URL:-http://127.0.0.1/}"
EXPECTED_BODY="${EXPECTED_BODY:-Sample webapp!}"
METRIC_NAME="${METRIC_NAME:-webapp-uptime}"
METRIC_NAMESPACE="${METRIC_NAMESPACE:-CustomNamespace}"
IMDS_URL="${IMDS_URL:-http://169.254.169.254}"

log() {
  printf '%s webapp-uptime-check: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*"
}

# IMDSv2: a session token first (PUT), then the metadata with the token.
token="$(curl -sf --max-time 2 -X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 60' "$IMDS_URL/latest/api/token")"
if [[ -z "$token" ]]; then
  log "no IMDSv2 token from $IMDS_URL; cannot name the instance, nothing published"
  exit 1
fi
metadata() {
  curl -sf --max-time 2 -H "X-aws-ec2-metadata-token: $token" "$IMDS_URL/latest/meta-data/$1"
}
instance_id="$(metadata instance-id)"
if [[ ! "$instance_id" =~ ^i-[0-9a-f]+$ ]]; then
  log "instance id from IMDS is '$instance_id', not an instance id; nothing published"
  exit 1
fi
region="${AWS_REGION:-$(metadata placement/region)}"
if [[ -z "$region" ]]; then
  log "no region configured and none from IMDS; nothing published"
  exit 1
fi

value=0
if systemctl is-active --quiet "$SERVICE_NAME"; then
  body="$(curl -sf --max-time 5 "$PROBE_URL")"
  if [[ "$body" == *"$EXPECTED_BODY"* ]]; then
    value=1
  fi
fi

if aws cloudwatch put-metric-data \
    --region "$region" \
    --namespace "$METRIC_NAMESPACE" \
    --metric-name "$METRIC_NAME" \
    --dimensions "InstanceId=$instance_id" \
    --unit Count \
    --value "$value"; then
  log "published $METRIC_NAME=$value for $instance_id to $METRIC_NAMESPACE in $region"
else
  log "put-metric-data failed; the alarm treats the missing point as breaching"
  exit 1
fi
