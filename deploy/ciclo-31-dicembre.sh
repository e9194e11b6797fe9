#!/usr/bin/env bash
# The year-end of the demo against the running local stack (start it first with deploy/run-local.sh): posts the
# year-end example results at 31/12 ("esempio, non dal documento": the source document has no year-end results;
# deploy/local/src/main/resources/esempio/risultati-2018-12-31.json, docs/demo-dataset.md), then runs the OIV cycle
# of the final checkpoint: the three managers submit, the OIV reviews, validates every due indicator and closes;
# then the FINAL (payable) HR feed, the monitoring report and the Relazione sulla performance (PDF and HTML, with
# the OIV's validation) are saved in .data/downloads. Each step prints the curl call it makes. Running it again
# resumes where it stopped. Run deploy/ciclo-30-giugno.sh first to close 30/6 as well (not required).
# Then the individual evaluation (issue 16, docs/evaluation.md), every call printed as it is made: HR enters an
# example fund (esempio, non dal documento), the Segretario Generale opens the three managers' example schede on the
# FINAL scores, rates and proposes them, the managers take note (ziletti asks for a review, which is recorded), after
# the review period (20 s in the local stack) the schede become FINAL; then the pay table and the transparency files:
#   curl -u personale:personale -H 'Content-Type: application/json' -X POST localhost:8083/api/plans/cciaa-brescia-2018/funds -d '{...}'
#   curl -u segretario:segretario -H 'Content-Type: application/json' -X POST localhost:8083/api/plans/cciaa-brescia-2018/schede -d '{"manager": "dazzeo"}'
#   curl -u segretario:segretario -H 'Content-Type: application/json' -X PUT localhost:8083/api/plans/cciaa-brescia-2018/schede/dazzeo/ratings -d '{"revision": 0, "ratings": [...]}'
#   curl -u dazzeo:dazzeo -H 'Content-Type: application/json' -X POST localhost:8083/api/plans/cciaa-brescia-2018/schede/dazzeo/transitions -d '{"action": "ACKNOWLEDGE", "revision": 2}'
#   curl -u personale:personale localhost:8083/api/plans/cciaa-brescia-2018/pay.csv
#   curl -u personale:personale localhost:8083/api/plans/cciaa-brescia-2018/transparency/page
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f deploy/local/target/local-stack.jar ] || mvn -B -ntp -q -DskipTests package
exec java "$@" -cp deploy/local/target/local-stack.jar org.cicloperformance.local.YearEndCycle
