/*
 * The machine's float32 arithmetic peak, the ceiling under every figure of run-side-by-side.sh: 512-bit fused
 * multiply-adds (AVX-512F) in twelve independent chains, long enough that latency never stalls the pipes; on one
 * thread, then on as many threads at once as the process may use. Prints one JSON line. A yardstick, not a test.
 * Built and run by run-side-by-side.sh where a C compiler is installed:
 *   cc -O2 -mavx512f -pthread -o fma_peak fma_peak.c && ./fma_peak
 */
#define _GNU_SOURCE
#include <immintrin.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <time.h>

#define CHAINS 12
#define STEPS 30000000L

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

/* Best of three timings of STEPS rounds over the chains, in GFLOP/s (an FMA of 16 floats is 32 flops). */
static void *fma_gflops(void *result) {
    __m512 acc[CHAINS];
    const __m512 factor = _mm512_set1_ps(0.999999f);
    const __m512 addend = _mm512_set1_ps(1e-7f);
    for (int c = 0; c < CHAINS; c++) {
        acc[c] = _mm512_set1_ps((float)c);
    }
    double best = 1e30;
    for (int r = 0; r < 3; r++) {
        const double start = now();
        for (long s = 0; s < STEPS; s++) {
#pragma GCC unroll 12
            for (int c = 0; c < CHAINS; c++) {
                acc[c] = _mm512_fmadd_ps(acc[c], factor, addend);
            }
        }
        const double seconds = now() - start;
        best = seconds < best ? seconds : best;
    }
    float sum = 0; /* used, so that the compiler keeps the loop */
    for (int c = 0; c < CHAINS; c++) {
        sum += _mm512_reduce_add_ps(acc[c]);
    }
    *(double *)result = (double)STEPS * CHAINS * 32 / best / 1e9 + (sum == -1 ? 1 : 0);
    return NULL;
}

int main(void) {
    cpu_set_t cpus;
    sched_getaffinity(0, sizeof cpus, &cpus);
    const int threads = CPU_COUNT(&cpus);
    double one;
    fma_gflops(&one);
    pthread_t ids[256];
    double each[256];
    double all = 0;
    const int n = threads < 256 ? threads : 256;
    for (int t = 0; t < n; t++) {
        pthread_create(&ids[t], NULL, fma_gflops, &each[t]);
    }
    for (int t = 0; t < n; t++) {
        pthread_join(ids[t], NULL);
        all += each[t];
    }
    printf("{\"system\":\"fma-peak\",\"label\":\"float32 AVX-512 FMA peak\",\"oneThreadGflops\":%.0f,"
           "\"threadsAtOnce\":%d,\"atOnceGflops\":%.0f}\n", one, n, all);
    return 0;
}
