# Sourced by the benchmark scripts. Processes added to bench_pids are stopped when the script exits.
# start_service PORT LOG [SERVICE ARGS...] builds the jar if it is missing, starts the service on
# PORT with one OpenMP thread (log in LOG) and waits until it is ready; its process id is left in
# SERVICE_PID. JAVA_OPTS, when set, passes options to the JVM (e.g. -Xmx1g).
JAR=target/seq2seq-service-0.1.0-SNAPSHOT.jar
bench_pids=()
trap 'for p in "${bench_pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
start_service() {
  local port=$1 log=$2
  shift 2
  [[ -f $JAR ]] || ./mvnw -B -q package -DskipTests
  # shellcheck disable=SC2086
  OMP_NUM_THREADS=1 java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$port" "$@" > "$log" 2>&1 &
  SERVICE_PID=$!
  bench_pids+=("$SERVICE_PID")
  for i in $(seq 1 180); do
    curl -fsS "localhost:$port/actuator/health/readiness" 2>/dev/null | grep -q UP && return 0
    sleep 1
  done
  echo "service not ready after 180 s (log: $log)" >&2
  exit 1
}
