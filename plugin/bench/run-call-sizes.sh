#!/usr/bin/env bash
# Scoring speed by call size (what TrainedAutoencoder.scoreCallRows rests on): ScoringCallSizes in one JVM per call
# size, the sizes in rotation for ROUNDS rounds, so that each size gets its own JIT profile and none always runs in
# the quietest minute. Prints the JSON lines of each JVM's last round (its first warms up).
# Usage: plugin/bench/run-call-sizes.sh [rounds, default 3] [passes per round, default 20] [call sizes...]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS="${1:-3}"
PASSES="${2:-20}"
shift $(( $# > 2 ? 2 : $# ))
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1024 2048 4096 8192)
classpath_file="$PWD/plugin/target/bench-classpath.txt"
./mvnw -B -q -o -pl plugin -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test
CP="plugin/target/test-classes:plugin/target/classes:$(cat "$classpath_file")"
echo "# scoring by call size, $(date -u +%FT%TZ), $(nproc) cpus, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
    for size in "${SIZES[@]}"; do
        java -Xmx2g -Dorg.nd4j.log.initialization=false -cp "$CP" \
            org.aedetect.autoencoder.engine.bench.ScoringCallSizes "$PASSES" 2 "$size" | grep '"round":2' \
            | sed "s/\"round\":2/\"jvmRound\":$round/"
    done
done
