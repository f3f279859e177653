#!/usr/bin/env bash
# Times the API-key filter and its parts in process (bench/ApiKeyFilterTiming.java), against the
# classes of the built jar and Spring's mock request from the local Maven repository (there after
# any ./mvnw verify).
#   bench/auth-filter.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/seq2seq-service-0.1.0-SNAPSHOT.jar
[[ -f $JAR ]] || ./mvnw -B -q package -DskipTests
LIB=$(mktemp -d)
trap 'rm -rf "$LIB"' EXIT
unzip -q "$JAR" 'BOOT-INF/lib/*' 'BOOT-INF/classes/*' -d "$LIB"
SPRING=$(ls "$LIB"/BOOT-INF/lib/spring-core-*.jar | sed -E 's/.*spring-core-(.*)\.jar/\1/')
TEST_JAR=${MAVEN_REPO:-$HOME/.m2/repository}/org/springframework/spring-test/$SPRING/spring-test-$SPRING.jar
[[ -f $TEST_JAR ]] || { echo "no $TEST_JAR: run ./mvnw verify once (it fetches spring-test)" >&2; exit 1; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$LIB/BOOT-INF/classes:$(ls "$LIB"/BOOT-INF/lib/*.jar | paste -sd:):$TEST_JAR" bench/ApiKeyFilterTiming.java 2>&1 | grep -v '^WARNING'
