#!/usr/bin/env bash
# Side-by-side benchmark (issue #6, docs/performance.md): in one invocation, on the same generated data,
#   1. our engine on the reference network (training samples/s, scoring rows/s, peak heap, RSS, JavaCPP
#      off-heap bytes) with its own thread setting, and "before": DL4J's generic fit() loop with ND4J's
#      default threads (-Daedetect.threads=nd4j -Daedetect.trainer=dl4j);
#   2. the same network in PyTorch (plugin/bench/torch_reference.py, plain tensor loop) under four thread
#      settings, trained on exactly the rows our engine trained on (written to a float32 file);
#   3. the ratios engine / best PyTorch setting;
#   4. the row-scaling curve (one epoch and one scoring pass per row count) for both;
#   5. memory: ROWS x 100 columns streamed under -Xmx1g, scoring the same rows in chunks;
#   6. ROUNDS more rounds, each PyTorch under its four settings and the engine (in alternating order), and the
#      median over the rounds of engine / PyTorch's best setting of the round: a single run can land anywhere
#      in the range the machine's load gives (PyTorch's scoring with one torch and two OpenBLAS threads on the
#      same kernels measured 207k rows/s in one invocation and 94k in another), so this median is the figure
#      to compare.
# PyTorch also times scoring that does the engine's input work (torch_reference.py: float64 rows checked,
# normalized and cast to float32, errors in float64): what PyTorch would do with KNIME's doubles; reported as
# "PyTorch doing the engine's input work too", next to the reference figures, which stay the target.
# Scoring is timed in five passes over the same rows on both sides: scoreRowsPerSec is the first pass (the
# figure of earlier runs), scoreRowsPerSecBestPass the best of the five. PyTorch's scoring on two OpenBLAS
# threads switches between two speeds from one pass to the next within one process, so its first pass alone is
# a coin toss; the best pass is what each system can do.
# The yardstick (ProductsBound, in parts 1-3 and in every round of part 6): the six matrix products of scoring a
# 1,024-row batch alone, one OpenBLAS thread per chain and one chain per core at once, on ND4J's OpenBLAS with the
# engine's kernels. Scoring figures are also printed as a share of it: what the rest of each system's work costs.
# Every line is JSON from the program that measured it; the load average is printed around each part.
#
# Usage: plugin/bench/run-side-by-side.sh [--rows 20000] [--epochs 2] [--curve "10000 100000 1000000"]
#        [--memory-rows 1000000] [--rounds 3] [--skip-curve] [--skip-memory] [--skip-before] [--engine-java PATH]
# --engine-java: in every round of part 6, the engine also runs on the java at PATH, right after (odd rounds) or
# before (even rounds) its run on the default java, and gets its own ratios. KNIME 5.10 and later run on Java 21 or
# newer (their org.knime.bcprov bundle requires JavaSE-21); Java 25's JIT vectorises float/double conversions that
# Java 17's leaves scalar, so a newer java here shows what the engine gains on a newer KNIME (Java 21 not checked).
# PyTorch: uses a python3 that can import torch; if none and apt-get is usable as root, installs the
# Debian package python3-torch (and libopenblas0-pthread, without which Debian's torch runs on the
# reference BLAS). Never pip.
set -euo pipefail
cd "$(dirname "$0")/../.."

ROWS=20000
EPOCHS=2
CURVE="10000 100000 1000000"
MEMORY_ROWS=1000000
SKIP_CURVE=0
SKIP_MEMORY=0
SKIP_BEFORE=0
ROUNDS=3
ENGINE_JAVA=""
while [ $# -gt 0 ]; do
    case "$1" in
        --rows) ROWS="$2"; shift 2 ;;
        --epochs) EPOCHS="$2"; shift 2 ;;
        --curve) CURVE="$2"; shift 2 ;;
        --memory-rows) MEMORY_ROWS="$2"; shift 2 ;;
        --rounds)
            [[ "$2" =~ ^[0-9]+$ ]] || { echo "--rounds needs a whole number, not '$2'" >&2; exit 2; }
            ROUNDS="$2"; shift 2 ;;
        --skip-curve) SKIP_CURVE=1; shift ;;
        --skip-memory) SKIP_MEMORY=1; shift ;;
        --skip-before) SKIP_BEFORE=1; shift ;;
        --engine-java)
            [ -x "$2" ] || { echo "--engine-java needs an executable java, not '$2'" >&2; exit 2; }
            ENGINE_JAVA="$2"; shift 2 ;;
        *) echo "unknown argument $1" >&2; exit 2 ;;
    esac
done

classpath_file="$PWD/plugin/target/bench-classpath.txt"
./mvnw -B -q -o -pl plugin -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test
CP="plugin/target/test-classes:plugin/target/classes:$(cat "$classpath_file")"
# the java that engine() runs: java on the PATH, or --engine-java's for the runs that ask for it
ENGINE_JAVA_BIN=java
engine() {
    local heap="$1"; shift
    "$ENGINE_JAVA_BIN" "-Xmx$heap" -Dorg.nd4j.log.initialization=false "$@"
}
MAIN=org.aedetect.autoencoder.engine.bench.SideBySideBenchmark
# the matrix products of scoring alone, the yardstick; $1: file the JSON line goes to too, $2: label (optional)
products_bound() {
    # off-heap: about 12 MB of activations per thread (JavaCPP allows as much off-heap as -Xmx)
    engine 2g -cp "$CP" org.aedetect.autoencoder.engine.bench.ProductsBound 40 ${2:+"$2"} | tee -a "$1"
}
# the machine's float32 FMA peak (fma_peak.c), where a C compiler and AVX-512 are there; $1: file the line goes to too
fma_peak() {
    if ! command -v cc >/dev/null || ! grep -qw avx512f /proc/cpuinfo; then
        echo "# float32 FMA peak not measured (needs a C compiler and AVX-512)"
        return 0
    fi
    local dir
    dir="$(mktemp -d)"
    # optional: a failure here is reported, not fatal
    { cc -O2 -mavx512f -pthread -o "$dir/fma_peak" plugin/bench/fma_peak.c && "$dir/fma_peak" | tee -a "$1"; } \
        || echo "# float32 FMA peak: building or running plugin/bench/fma_peak.c failed"
    rm -rf "$dir"
}
DATA="$PWD/plugin/target/bench-reference-$ROWS.f32"
rm -f "$DATA" # written by the engine's first reference run, read by every later one and by PyTorch
OUT="$(mktemp)"
trap 'rm -f "$OUT"' EXIT
load() { echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }
# the engine on the reference network and rows; $1: label, $2: file the JSON line goes to too, then JVM options
engine_reference() {
    local label="$1" file="$2"
    shift 2
    engine 2g "$@" -cp "$CP" $MAIN reference "$ROWS" "$EPOCHS" "$ROWS" "$DATA" "$label" | tee -a "$file"
}

echo "# side-by-side benchmark, $(date -u +%FT%TZ), $(nproc) cpus, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "# java: $(java -version 2>&1 | head -1)"
[ -z "$ENGINE_JAVA" ] || echo "# engine also on: $ENGINE_JAVA ($("$ENGINE_JAVA" -version 2>&1 | head -1))"
# OpenBLAS's kernel choice follows OPENBLAS_CORETYPE when set (both ND4J's and PyTorch's OpenBLAS read it at load):
# on an AVX-512 machine, OPENBLAS_CORETYPE=Haswell halves sgemm's speed against OpenBLAS's own choice
blas_env="$(env | grep '^OPENBLAS_' | sort | tr '\n' ' ' || true)"
echo "# OpenBLAS environment (both systems): ${blas_env:-none}"

find_torch_python() {
    for py in python3 /usr/bin/python3; do
        if command -v "$py" >/dev/null && "$py" -c 'import torch' 2>/dev/null; then
            command -v "$py"; return 0
        fi
    done
    return 1
}
# whether Debian offers the package; not "apt-cache policy | grep -q": under pipefail, grep -q exits at the
# first match, apt-cache dies of SIGPIPE and the pipeline fails (so nothing was ever installed)
apt_offers() {
    command -v apt-cache >/dev/null && [[ "$(apt-cache policy "$1" 2>/dev/null)" =~ Candidate:\ [0-9] ]]
}
PY="$(find_torch_python || true)"
if [ -z "$PY" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && apt_offers python3-torch; then
    echo "# installing python3-torch (Debian package)"
    apt-get install -y -q python3-torch >/dev/null
    PY="$(find_torch_python || true)"
fi
if [ -n "$PY" ] && command -v update-alternatives >/dev/null; then
    blas="$(update-alternatives --query libblas.so.3-x86_64-linux-gnu 2>/dev/null | awk '/^Value:/ {print $2}')"
    if [ -n "$blas" ] && [[ "$blas" != *openblas* ]]; then
        if [ "$(id -u)" = 0 ] && apt_offers libopenblas0-pthread; then
            echo "# torch would use the reference BLAS ($blas); installing libopenblas0-pthread (Debian package)"
            apt-get install -y -q libopenblas0-pthread >/dev/null
            blas="$(update-alternatives --query libblas.so.3-x86_64-linux-gnu | awk '/^Value:/ {print $2}')"
        fi
    fi
    echo "# pytorch: $PY, torch $("$PY" -c 'import torch; print(torch.__version__)'), BLAS ${blas:-unknown}"
    if [[ "${blas:-}" != *openblas* ]]; then
        echo "# WARNING: PyTorch does not run on OpenBLAS here; its figures are not its best and the ratios flatter us"
    fi
else
    [ -n "$PY" ] || echo "# pytorch: no python3 with torch importable; PyTorch columns are skipped"
fi

echo
echo "## 1-3. Reference network 784-512-128-32-128-512-784, batch 256, $ROWS rows, $EPOCHS epochs, scoring $ROWS rows"
load
fma_peak "$OUT"
products_bound "$OUT"
engine_reference engine "$OUT"
if [ "$SKIP_BEFORE" = 0 ]; then
    engine_reference "before: DL4J fit() loop, ND4J default threads" "$OUT" -Daedetect.threads=nd4j \
        -Daedetect.trainer=dl4j
fi
# PyTorch on the reference rows under its four thread settings; $1: label prefix, $2: file the JSON lines go to too
torch_settings() {
    local torch_threads blas_threads
    for torch_threads in 1 2; do
        for blas_threads in 1 2; do
            env -u OMP_NUM_THREADS OPENBLAS_NUM_THREADS=$blas_threads "$PY" plugin/bench/torch_reference.py \
                --data "$DATA" --epochs "$EPOCHS" --torch-threads $torch_threads \
                --label "${1}torch $torch_threads, openblas $blas_threads" | tee -a "$2"
        done
    done
}
if [ -n "$PY" ]; then
    torch_settings "" "$OUT"
fi
# the engine with one BLAS thread too (PyTorch gets several settings; this allows same-setting
# comparisons), then the default again, so that a load change during the run shows up
engine_reference "engine, threads 1,1 (not the default)" "$OUT" -Daedetect.threads=1,1
engine_reference "engine (again)" "$OUT"
load
python3 - "$OUT" <<'EOF'
import json, re, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
engine_runs = [l for l in lines if l["system"] == "engine"]
for l in engine_runs:
    l["blas"] = int(re.search(r"blasThreads=(\d+)", l["threads"]).group(1))
default = [l for l in engine_runs if "engine default" in l["threads"]]
one = [l for l in engine_runs if "aedetect.threads=1,1" in l["threads"]]
before = [l for l in engine_runs if l["label"].startswith("before")]
torch = [l for l in lines if l["system"] == "pytorch"]
products = [l for l in lines if l["system"] == "products"]
bound = [l["boundRowsPerSec"] for l in products]
peak = [l["atOnceGflops"] for l in lines if l["system"] == "fma-peak"]
for key, what in (("trainSamplesPerSec", "training samples/s"), ("scoreRowsPerSec", "scoring rows/s"),
                  ("scoreRowsPerSecBestPass", "scoring rows/s, best of five passes")):
    e = max(default, key=lambda l: l[key])
    print(f"# {what}: engine (default threads) best {e[key]:,}, runs {[l[key] for l in default]}", end="")
    if before:
        print(f"; before {before[0][key]:,} -> {e[key] / before[0][key]:.2f}x", end="")
    print()
    if torch:
        t = max(torch, key=lambda l: l[key])
        print(f"#   PyTorch best {t[key]:,} ({t['label']}); engine default / PyTorch best = {e[key] / t[key]:.2f}x "
              f"(worst engine run {min(l[key] for l in default) / t[key]:.2f}x)")
        for blas, runs in ((default[0]["blas"], default), (1, one)):
            same = [l for l in torch if l["torchThreads"] == 1 and l["OPENBLAS_NUM_THREADS"] == str(blas)]
            if runs and same:
                b = max(runs, key=lambda l: l[key])
                print(f"#   same setting, 1 compute thread + {blas} BLAS thread(s): engine {b[key]:,} vs "
                      f"PyTorch {same[0][key]:,} = {b[key] / same[0][key]:.2f}x")
    if key.startswith("score") and bound:
        line = f"#   share of the matrix products alone ({bound[0]:,} rows/s): engine {e[key] / bound[0]:.0%}"
        if torch:
            line += f", PyTorch best {max(l[key] for l in torch) / bound[0]:.0%}"
        shared = products[0]["oneChainAllThreadsRowsPerSec"]
        print(f"{line}; one chain on all OpenBLAS threads (PyTorch's way) {shared:,}")
        if peak:
            # GFLOP of one scored row, from ProductsBound's own figures for the network it times
            row_gflop = products[0]["boundGflops"] / products[0]["boundRowsPerSec"]
            share = lambda rows: f"{rows * row_gflop / peak[0]:.0%}"
            line = (f"#   share of the float32 FMA peak ({peak[0]:,} GFLOP/s): products alone {share(bound[0])}, "
                    f"one chain on all OpenBLAS threads {share(shared)}, engine {share(e[key])}")
            if torch:
                line += f", PyTorch best {share(max(l[key] for l in torch))}"
            print(line)
EI = "scoreEngineInputRowsPerSecBestPass"
with_input = [l for l in torch if EI in l]
if with_input:
    t = max(with_input, key=lambda l: l[EI])
    e = max(default, key=lambda l: l["scoreRowsPerSecBestPass"])
    print(f"# scoring rows/s, best of five passes, PyTorch doing the engine's input work too (float64 rows checked, "
          f"normalized and cast, float64 errors): best {t[EI]:,} ({t['label']}); engine default / that = "
          f"{e['scoreRowsPerSecBestPass'] / t[EI]:.2f}x")
EOF
BEST_TORCH="$(python3 - "$OUT" <<'EOF'
import json, sys
t = [json.loads(l) for l in open(sys.argv[1]) if l.startswith('{"system": "pytorch"')]
if t:
    b = max(t, key=lambda l: l["trainSamplesPerSec"])
    print(b["torchThreads"], b["OPENBLAS_NUM_THREADS"])
EOF
)"

if [ "$SKIP_CURVE" = 0 ]; then
    echo
    echo "## 4. Row-scaling curve: one epoch and one scoring pass per row count ($CURVE)"
    load
    engine 2g -cp "$CP" $MAIN curve $CURVE
    if [ -n "$PY" ] && [ -n "$BEST_TORCH" ]; then
        read -r torch_threads blas_threads <<<"$BEST_TORCH"
        for rows in $CURVE; do
            env -u OMP_NUM_THREADS OPENBLAS_NUM_THREADS=$blas_threads "$PY" plugin/bench/torch_reference.py \
                --generate "$rows" --torch-threads "$torch_threads" \
                --label "curve, torch $torch_threads, openblas $blas_threads"
        done
    fi
    load
fi

if [ "$SKIP_MEMORY" = 0 ]; then
    echo
    echo "## 5. Memory: $MEMORY_ROWS rows x 100 columns, streamed, -Xmx1g; scoring a tenth, then all rows"
    load
    engine 1g -cp "$CP" $MAIN memory "$MEMORY_ROWS" 100
    load
fi

if [ -n "$PY" ] && [ "$ROUNDS" -gt 0 ]; then
    echo
    echo "## 6. $ROUNDS alternating rounds on the reference network: PyTorch under its four thread settings and the"
    echo "##    engine with its default threads (PyTorch first in odd rounds, the engine first in even ones); per round"
    echo "##    the engine's one run against the best of PyTorch's four (which favours PyTorch a little)"
    load
    ROUNDS_OUT="$(mktemp)"
    trap 'rm -f "$OUT" "$ROUNDS_OUT"' EXIT
    # the engine on --engine-java, if given; $1: the round
    newer_java_engine() {
        if [ -n "$ENGINE_JAVA" ]; then
            ENGINE_JAVA_BIN="$ENGINE_JAVA" engine_reference "round $1, engine on the newer java" "$ROUNDS_OUT"
        fi
    }
    # odd rounds run PyTorch first, even rounds the engine first, so that neither always gets the quieter slot
    for round in $(seq 1 "$ROUNDS"); do
        products_bound "$ROUNDS_OUT" "round $round, matrix products of scoring alone"
        if [ $((round % 2)) = 0 ]; then
            newer_java_engine "$round"
            engine_reference "round $round, engine" "$ROUNDS_OUT"
        fi
        torch_settings "round $round, " "$ROUNDS_OUT"
        if [ $((round % 2)) = 1 ]; then
            engine_reference "round $round, engine" "$ROUNDS_OUT"
            newer_java_engine "$round"
        fi
    done
    load
    python3 - "$ROUNDS_OUT" <<'EOF'
import json, statistics, sys
runs = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
rounds = sorted({int(l["label"].split(",")[0].split()[1]) for l in runs})
# (engine figure, PyTorch figure, what, against what): the reference loop's figures, then the engine's best scoring
# pass against PyTorch's best doing the engine's input work too (torch_reference.py)
BEST = "PyTorch's best setting of the round"
comparisons = (("trainSamplesPerSec", "trainSamplesPerSec", "training samples/s", BEST),
               ("scoreRowsPerSec", "scoreRowsPerSec", "scoring rows/s", BEST),
               ("scoreRowsPerSecBestPass", "scoreRowsPerSecBestPass", "scoring rows/s, best of five passes", BEST),
               ("scoreRowsPerSecBestPass", "scoreEngineInputRowsPerSecBestPass", "scoring rows/s, best of five passes",
                "PyTorch doing the engine's input work too"))
for key, torch_key, what, against in comparisons:
    for engine_label in ("engine", "engine on the newer java"):
        cells, ratios, javas = [], [], set()
        for r in rounds:
            here = [l for l in runs if l["label"].startswith(f"round {r},")]
            e = [l for l in here if l["system"] == "engine" and l["label"] == f"round {r}, {engine_label}"]
            t = [l for l in here if l["system"] == "pytorch" and torch_key in l]
            b = [l["boundRowsPerSec"] for l in here if l["system"] == "products"]
            if e and t:
                best = max(t, key=lambda l: l[torch_key])
                ratios.append(e[0][key] / best[torch_key])
                javas.add(e[0].get("java", "?"))
                cells.append(f"#   round {r}: engine {e[0][key]:,} / PyTorch {best[torch_key]:,} "
                             f"({best['label'].split(', ', 1)[1]}) = {ratios[-1]:.2f}x")
                if torch_key == key and key.startswith("score") and b:
                    cells[-1] += (f"; of the matrix products alone ({b[0]:,}): engine {e[0][key] / b[0]:.0%}, "
                                  f"PyTorch {best[key] / b[0]:.0%}")
        if ratios:
            print(f"# {what}, {engine_label} (Java {', '.join(sorted(javas))}) / {against}:")
            print("\n".join(cells))
            print(f"#   median {statistics.median(ratios):.2f}x, range {min(ratios):.2f}x-{max(ratios):.2f}x")
EOF
fi
