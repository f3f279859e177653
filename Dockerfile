# The service image: a glibc JRE (ND4J's natives do not run on Alpine/musl), the fat jar unpacked
# into layers, and the models. Build the jar first: ./mvnw -B package -DskipTests
ARG BASE_IMAGE=eclipse-temurin:17-jre

FROM ${BASE_IMAGE} AS layers
WORKDIR /layers
COPY target/seq2seq-service-0.1.0-SNAPSHOT.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM ${BASE_IMAGE}
# curl for the health check, if the base image lacks it; /data for the API key store (a volume
# mounted there starts out owned by the service's user)
RUN if ! command -v curl >/dev/null; then apt-get update && apt-get install -y --no-install-recommends curl \
      && rm -rf /var/lib/apt/lists/*; fi \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin seq2seq \
    && mkdir -p /app/cache /data && chown seq2seq /app/cache /data
WORKDIR /app
# least to most often changed: dependencies (ND4J natives, Spring), the models, then our classes
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --chown=seq2seq models/ /app/models/
COPY --from=layers /layers/extracted/application/ ./
USER seq2seq
# heap at 40% of the container limit: ND4J keeps its arrays off-heap (JavaCPP allows up to twice the heap)
ENV SEQ2SEQ_MODELS_DIR=/app/models \
    OMP_NUM_THREADS=1 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=40 -XX:+ExitOnOutOfMemoryError -Dorg.bytedeco.javacpp.cachedir=/app/cache"
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
