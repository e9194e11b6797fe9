#!/usr/bin/env bash
# Runs the OIV cycle of the demo's 30/6 checkpoint against the running local stack (start it first with
# deploy/run-local.sh): the three managers submit, the OIV reviews, validates every due indicator and closes; then
# the final HR feed and the monitoring report (PDF and HTML) are saved in .data/downloads. Each step prints the
# curl call it makes. Running it again resumes where it stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f deploy/local/target/local-stack.jar ] || mvn -B -ntp -q -DskipTests package
exec java "$@" -cp deploy/local/target/local-stack.jar org.cicloperformance.local.CheckpointCycle
