#!/bin/sh
# Search speed without a database or web server (SearchBenchmark in src/test/java): the real
# indexing and query code on N synthetic tickets of the generator's shape, 20 threads per query kind.
#   bench/search-bench.sh [tickets] [threads] [seconds-per-kind] [index-folder] [keep] [only-kinds-containing, or "rebuild"]
set -e
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q test-compile
./mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
# The classes are Java 25: the first Java 25 found (JAVA25, then the usual Debian/Temurin folder).
JAVA_BIN="${JAVA25:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)}/bin/java"
exec "$JAVA_BIN" ${BENCH_JVM:--Xmx4g} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    org.jotrs.search.internal.SearchBenchmark "$@"
