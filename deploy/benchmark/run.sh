#!/usr/bin/env bash
# The pipeline benchmark (docs/benchmarks.md): builds the services and the launcher (tests skipped), then starts the
# whole stack on the embedded default with free ports and a temporary data folder, runs every phase and prints the
# table; the JSON goes to deploy/benchmark/target/benchmark.json. Options are system properties, e.g.
#   deploy/benchmark/run.sh -Dbench.plans=50 -Dbench.duration=20
# The JVM that runs it also hosts MongoDB (as the local stack's launcher does); its heap is bounded so that its
# memory figure means something.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -ntp -q -DskipTests package
exec java -Xms1g -Xmx1g -XX:+UseParallelGC "$@" -jar deploy/benchmark/target/benchmark.jar
