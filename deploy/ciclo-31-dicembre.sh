#!/usr/bin/env bash
# The year-end of the demo against the running local stack (start it first with deploy/run-local.sh): posts the
# year-end example results at 31/12 ("esempio, non dal documento": the source document has no year-end results;
# deploy/local/src/main/resources/esempio/risultati-2018-12-31.json, docs/demo-dataset.md), then runs the OIV cycle
# of the final checkpoint: the three managers submit, the OIV reviews, validates every due indicator and closes;
# then the FINAL (payable) HR feed, the monitoring report and the Relazione sulla performance (PDF and HTML, with
# the OIV's validation) are saved in .data/downloads. Each step prints the curl call it makes. Running it again
# resumes where it stopped. Run deploy/ciclo-30-giugno.sh first to close 30/6 as well (not required).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f deploy/local/target/local-stack.jar ] || mvn -B -ntp -q -DskipTests package
exec java "$@" -cp deploy/local/target/local-stack.jar org.cicloperformance.local.YearEndCycle
