#!/usr/bin/env bash
# Runbook for the metric webapp-uptime in CustomNamespace: the sample web app stopped answering.
# In AWS it runs as root on the instance through SSM Run Command (AWS-RunShellScript); locally it
# runs in bash with a systemctl stand-in on PATH. The incident arrives as AUTOREMEDIATE_* variables.
set -euo pipefail

echo "restarting webapp for alarm '${AUTOREMEDIATE_ALARM_NAME:-?}' on ${AUTOREMEDIATE_INSTANCE_ID:-this host} (attempt ${AUTOREMEDIATE_ATTEMPT:-1})"
systemctl restart webapp

for _ in $(seq 1 20); do
  if systemctl is-active --quiet webapp; then
    echo "webapp is active again"
    exit 0
  fi
  sleep 0.5
done

echo "webapp did not become active after restart" >&2
systemctl status webapp >&2 || true
exit 1
