#!/usr/bin/env bash
# autoremediate's local stand-in for systemctl: lets a runbook written for the instance
# (systemctl restart webapp) run unchanged on a developer's machine. Services are the
# executable <name>.start files in the folder below; each keeps a <name>.pid beside it.
set -u
services='@SERVICES_DIR@'

action=''
unit=''
quiet=0
for arg in "$@"; do
  case "$arg" in
    --quiet|-q) quiet=1 ;;
    --*) ;;
    *) if [ -z "$action" ]; then action="$arg"; elif [ -z "$unit" ]; then unit="$arg"; fi ;;
  esac
done
unit="${unit%.service}"

case "$unit" in
  ''|*[!A-Za-z0-9_.@-]*|.*) echo "systemctl (local): give a unit name, e.g. systemctl restart webapp" >&2; exit 2 ;;
esac

start="$services/$unit.start"
pidfile="$services/$unit.pid"
log="$services/$unit.log"
if [ ! -x "$start" ]; then
  echo "Unit $unit.service could not be found." >&2
  exit 5
fi

running() {
  [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

do_start() {
  running && return 0
  nohup "$start" >>"$log" 2>&1 </dev/null &
  echo $! >"$pidfile"
}

do_stop() {
  if running; then
    pid="$(cat "$pidfile")"
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null
  fi
  rm -f "$pidfile"
}

case "$action" in
  start) do_start ;;
  stop) do_stop ;;
  restart) do_stop; do_start ;;
  is-active)
    if running; then [ "$quiet" = 1 ] || echo active; exit 0; fi
    [ "$quiet" = 1 ] || echo inactive
    exit 3 ;;
  status)
    if running; then echo "● $unit.service - active (running), pid $(cat "$pidfile")"; tail -n 5 "$log" 2>/dev/null; exit 0; fi
    echo "● $unit.service - inactive (dead)"; tail -n 5 "$log" 2>/dev/null; exit 3 ;;
  *) echo "systemctl (local): supports start, stop, restart, is-active, status" >&2; exit 2 ;;
esac
