#!/usr/bin/env bash
# Static checks of the playbooks, runnable without any instance: syntax, ansible-lint (offline), and the
# templates rendered with the default variables and checked by the tool that will read each one.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

ansible-playbook --syntax-check playbook.yaml
ansible-lint --offline --profile production playbook.yaml setup-application.yaml setup-monitoring.yaml

rendered="$(mktemp -d)"
trap 'rm -rf "$rendered"' EXIT
for template in templates/*.j2; do
  name="$(basename "$template" .j2)"
  ANSIBLE_LOCALHOST_WARNING=False ansible localhost -c local -i localhost, \
    -e @group_vars/all.yaml -e aws_region=eu-west-1 \
    -m ansible.builtin.template -a "src=$template dest=$rendered/$name" >/dev/null
done
python3 -c 'import ast, sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])' "$rendered/app.py"
bash -n "$rendered/webapp-uptime.conf"
bash -n files/webapp-uptime-check.sh
grep -q '^ExecStart=/opt/webapp/venv/bin/gunicorn --bind 127.0.0.1:8080 ' "$rendered/webapp.service"
grep -q 'listen 80;' "$rendered/nginx-webapp.conf"
grep -q '^\* \* \* \* \* root /usr/local/bin/webapp-uptime-check ' "$rendered/webapp-uptime.cron"
grep -qx "EXPECTED_BODY='Sample webapp!'" "$rendered/webapp-uptime.conf"
if command -v nginx >/dev/null 2>&1; then
  printf 'events {}\nhttp {\n include %s;\n}\n' "$rendered/nginx-webapp.conf" > "$rendered/nginx.conf"
  nginx -t -q -c "$rendered/nginx.conf" -p "$rendered"
fi
echo "ansible checks: syntax, lint and $(ls templates/*.j2 | wc -l) rendered templates OK"
