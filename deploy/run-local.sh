#!/usr/bin/env bash
# Builds the services (tests skipped) and runs the whole system on the embedded default, with the 2018 demo.
# Settings: -Dstack.data=<folder>, -Dstack.plan.port=..., see deploy/README.md. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -DskipTests package
exec java "$@" -jar deploy/local/target/local-stack.jar
