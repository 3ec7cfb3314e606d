#!/usr/bin/env bash
# Terraform's own checks of the modules, without an AWS account: fmt, validate (the example, which uses both
# modules) and `terraform test` of modules/autoremediate against a mocked AWS provider (no cycle, the
# definition renders, the guard and the intake get the environment the code reads, bad settings are refused).
# Needs terraform and the AWS provider: from the registry, or from a local mirror given as TF_PLUGIN_DIR
# (default /opt/tf-plugins when it exists). Works on a copy, so no .terraform folder lands in the repository.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"

plugin_dir="${TF_PLUGIN_DIR:-}"
if [ -z "$plugin_dir" ] && [ -d /opt/tf-plugins ]; then
  plugin_dir=/opt/tf-plugins
fi
init=(terraform init -backend=false -input=false -no-color)
if [ -n "$plugin_dir" ]; then
  init+=(-plugin-dir="$plugin_dir")
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$here" "$work/terraform"
cp -r "$root/statemachine" "$root/remediations" "$work/"
find "$work/terraform" -name .terraform -prune -exec rm -rf {} +
mkdir -p "$work/functions/target"
# validate never reads the jar; the example names it, so give it a stand-in when it is not built.
touch "$work/functions/target/autoremediate-functions-0.1.0-SNAPSHOT-lambda.jar"

terraform fmt -check -recursive "$work/terraform"
(cd "$work/terraform/examples/complete" && "${init[@]}" >/dev/null && terraform validate -no-color)
(cd "$work/terraform/modules/autoremediate" && "${init[@]}" >/dev/null && terraform test -no-color)
echo "terraform checks: fmt, validate and test OK"
