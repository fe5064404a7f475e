#!/usr/bin/env bash
# Node-layer overhead (issue 6, item 4): Learner and Scorer node models on in-memory tables
# (knime-api-offline) against the engine alone, same data and settings, one JSON line.
# Arguments are passed to NodeLayerBenchmark: [rows] [columns] [epochs] [repeats].
set -euo pipefail
cd "$(dirname "$0")/../.."
classpath_file="$PWD/plugin/target/bench-classpath.txt"
./mvnw -B -q -o -pl plugin -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test
exec java -Xmx4g -Djava.awt.headless=true -Dorg.nd4j.log.initialization=false \
    -cp "plugin/target/test-classes:plugin/target/classes:$(cat "$classpath_file")" \
    org.aedetect.autoencoder.node.bench.NodeLayerBenchmark "$@"
