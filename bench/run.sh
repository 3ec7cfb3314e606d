#!/usr/bin/env bash
# Runs the benchmarks of bench/README.md and prints the tables (also kept in bench/target/report.md).
# Needs JDK 17+, Maven, Node.js and npm; installs aws-local-stepfunctions (pinned in bench/node/package.json)
# and builds the CLI jar, the Lambda jar and this module first. Takes about 10 minutes on 2 cores.
#   bench/run.sh                                   # everything
#   BENCH_OPTS="-Dbench.rounds=3 -Dbench.coldRuns=3" bench/run.sh
#   BENCH_SKIP_BUILD=1 bench/run.sh                # reuse the jars already built
#   MAVEN_ARGS="-Dmaven.repo.local=/tmp/m2" bench/run.sh   # extra Maven arguments, for every mvn call
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

for tool in java mvn node npm; do
  command -v "$tool" >/dev/null || { echo "bench: '$tool' is not on PATH; install it first" >&2; exit 2; }
done

echo "bench: installing aws-local-stepfunctions into bench/node ..." >&2
npm install --prefix bench/node --no-audit --no-fund --loglevel=error >&2

if [ -z "${BENCH_SKIP_BUILD:-}" ] || [ ! -f bench/target/classpath.txt ]; then
  echo "bench: building the engine, the Lambda jar, the CLI jar and the bench ..." >&2
  # One reactor run: the classpath resolves the engine from this build, not from the local Maven repository
  # (which a fresh clone's user does not have it in). Every module writes its own target/classpath.txt.
  # shellcheck disable=SC2086
  mvn -q -B ${MAVEN_ARGS:-} -DskipTests -pl functions,local,bench -am package dependency:build-classpath \
      -Dmdep.includeScope=runtime -Dmdep.outputFile=target/classpath.txt >&2
fi

# Against the engine just built, not whatever an earlier install left in the local Maven repository.
engine_jar="$(ls "$root"/engine/target/autoremediate-engine-*.jar | grep -v -e sources -e tests | head -n 1)"
classpath="$root/bench/target/classes:$engine_jar:$(tr ':' '\n' < bench/target/classpath.txt \
  | grep -v '/autoremediate-engine-' | paste -sd: -)"

echo "bench: measuring (load average now: $(cut -d' ' -f1-3 /proc/loadavg)) ..." >&2
# shellcheck disable=SC2086
java ${BENCH_OPTS:-} -cp "$classpath" io.autoremediate.bench.BenchMain "$root" | tee bench/target/report.md
