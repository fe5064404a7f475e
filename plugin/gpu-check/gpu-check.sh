#!/usr/bin/env bash
# GPU check (issue 7): on a Linux x86_64 machine with an NVIDIA GPU and a JDK 17, from the repository
# root or anywhere:   plugin/gpu-check/gpu-check.sh
#
# 1. prints the GPUs (nvidia-smi) and what the extension's probe finds: name, compute capability,
#    whether ND4J 1.0.0-M2.1's CUDA 11.6 build supports it, and what the Auto backend decides;
# 2. where the GPU is supported: trains the reference network (784-512-128-32-128-512-784, ReLU,
#    sigmoid output, MSE, Adam 1e-3, batch 256, float32, 20,000 generated rows, 1 epoch) on CUDA and
#    on the CPU, one JVM each, prints one JSON line per backend, and checks that the scores agree
#    (the CUDA-trained model scored on the CPU: relative difference <= 1e-3; CUDA- and CPU-trained
#    models: Spearman rank correlation >= 0.99);
#    where it is not supported: shows that Auto fell back to the CPU and trained there;
# 3. without an NVIDIA GPU or driver: says so and exits 0 (that is what CI sees).
#
# Building needs Maven Central (or a ~/.m2 that already holds the dependencies, including ND4J's
# CUDA jars of about 1 GB). Everything runs under a 5-minute limit. Output also goes to
# plugin/target/gpu-check/gpu-check.log.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=plugin/target/gpu-check
deadline=$((SECONDS + 300))
remaining() { echo $(( deadline - SECONDS > 0 ? deadline - SECONDS : 1 )); }

if ! command -v nvidia-smi >/dev/null 2>&1 || ! nvidia-smi -L >/dev/null 2>&1; then
  echo '{"check":"gpu","result":"no-gpu","message":"No NVIDIA GPU or driver found (nvidia-smi is missing or fails): nothing to check on this machine."}'
  exit 0
fi
mkdir -p "$out"
exec > >(tee "$out/gpu-check.log") 2>&1
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(uname -srm)"
nvidia-smi --query-gpu=index,name,compute_cap,driver_version,memory.total --format=csv

# -am builds knime-api-offline too, which the plugin's class path names; the class path file is
# written by each module in turn, the plugin's last.
timeout "$(remaining)" ./mvnw -B -q -pl plugin -am package dependency:build-classpath -DskipTests \
    -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$out/classpath.txt"
cp="plugin/target/test-classes:plugin/target/classes:$(cat "$out/classpath.txt")"
for jar in plugin/target/fragments/cuda-linux-x86_64/lib/*.jar; do cp="$cp:$jar"; done
run() { timeout "$(remaining)" java -Xmx4g -Dorg.nd4j.log.initialization=false -cp "$cp" "$@"; }

status=0
run -Daedetect.backend=auto org.aedetect.autoencoder.engine.bench.GpuCheck detect || status=$?
if [ "$status" -eq 3 ]; then
  echo '{"check":"gpu","result":"gpu-not-usable","message":"Auto fell back to the CPU (see autoDecision above); nothing to train on the GPU."}'
  exit 0
elif [ "$status" -ne 0 ]; then
  echo "{\"check\":\"gpu\",\"result\":\"FAIL\",\"message\":\"detection failed with exit code $status\"}"
  exit "$status"
fi
run -Daedetect.backend=cuda org.aedetect.autoencoder.engine.bench.GpuCheck train "$out"
run -Daedetect.backend=cpu org.aedetect.autoencoder.engine.bench.GpuCheck train "$out"
run -Daedetect.backend=cpu org.aedetect.autoencoder.engine.bench.GpuCheck compare "$out"
