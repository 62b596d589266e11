#!/usr/bin/env bash
# Writes N valid, fictitious RU cases as JSON Lines to standard output, in the format
# `asylex case import` reads and `asylex case export` writes (compact JSON; id, reference on every
# tenth case, facts), ids C-000001, C-000002, … in order, so an export of all of them equals the
# file byte for byte. The same SEED gives the same cases.
#
# Usage: scripts/generate-cases.sh N [SEED] > cases.jsonl
set -euo pipefail
n="${1:?usage: scripts/generate-cases.sh N [SEED]}"
seed="${2:-1}"
awk -v n="$n" -v seed="$seed" 'BEGIN {
  srand(seed)
  split("female male x", genders, " ")
  split("RU-CE RU-IN RU-DA RU-MOW RU-SPE RU-TA", regions, " ")
  split("conscript reservist contractSoldier none", military, " ")
  nb = split("refusesMilitaryService desertion fearsMobilisation politicalActivist humanRightsActivist activeInJournalism criticisesAuthorities criticismSignificant lawyerInPoliticallySensitiveCases ngoWorkerSeenAsCritical lgbti fearsDomesticOrSexualViolence concreteIndicationsSettleElsewhere", booleans, " ")
  for (i = 1; i <= n; i++) {
    line = sprintf("{\"id\":\"C-%06d\"", i)
    if (i % 10 == 0) line = line sprintf(",\"reference\":\"REF %d\"", i)
    line = line ",\"facts\":{\"countryOfOrigin\":\"RU\""
    year = 1950 + int(rand() * 56); month = 1 + int(rand() * 12); day = 1 + int(rand() * 28)
    form = int(rand() * 4)
    if (form == 0) line = line sprintf(",\"dateOfBirth\":\"%d\"", year)
    else if (form == 1) line = line sprintf(",\"dateOfBirth\":\"%d-%02d\"", year, month)
    else if (form == 2) line = line sprintf(",\"dateOfBirth\":\"%d-%02d-%02d\"", year, month, day)
    if (rand() < 0.8) line = line sprintf(",\"gender\":\"%s\"", genders[1 + int(rand() * 3)])
    if (rand() < 0.67) line = line sprintf(",\"regionOfOrigin\":\"%s\"", regions[1 + int(rand() * 6)])
    if (rand() < 0.67) line = line sprintf(",\"militaryStatus\":\"%s\"", military[1 + int(rand() * 4)])
    for (b = 1; b <= nb; b++) {
      if (rand() < 0.67) line = line sprintf(",\"%s\":%s", booleans[b], rand() < 0.5 ? "true" : "false")
    }
    print line "}}"
  }
}'
