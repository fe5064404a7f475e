#!/usr/bin/env bash
# Trains and scores the reference network (docs/performance.md) through the engine API and prints one
# JSON line. Arguments are passed to ReferenceBenchmark: [rows] [epochs] [scoredRows].
# Thread settings come from the environment (e.g. OMP_NUM_THREADS=1 ./run-engine-benchmark.sh) and
# are printed in the output.
set -euo pipefail
cd "$(dirname "$0")/../.."
classpath_file="$PWD/plugin/target/bench-classpath.txt"
./mvnw -B -q -o -pl plugin -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test
exec java -Xmx2g -Dorg.nd4j.log.initialization=false \
    -cp "plugin/target/test-classes:plugin/target/classes:$(cat "$classpath_file")" \
    org.aedetect.autoencoder.engine.bench.ReferenceBenchmark "$@"
