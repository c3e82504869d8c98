#!/bin/sh
# Heap while the fetcher empties a big IMAP mailbox (MailboxFetchBenchmark in src/test/java): GreenMail
# and Jotrs in one JVM, on a fresh test database (PostgreSQL by default).
#   bench/mailbox-heap.sh [messages] [POSTGRESQL|MARIADB|H2] [jotrs.postmaster.timeout, default 30s]
set -e
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q test-compile
./mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
JAVA_BIN="${JAVA25:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)}/bin/java"
exec "$JAVA_BIN" ${BENCH_JVM:--Xmx2g} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    org.jotrs.postmaster.MailboxFetchBenchmark "$@"
