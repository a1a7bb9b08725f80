# The OSOP pipeline worker image: bin/worker's Java service with its runtime libraries, plus
# Python 3 for commands the local training backend runs.
#
#   docker build -t osop-worker:0.1.0 .
#   docker run --rm -e TEMPORAL_ADDRESS=host.docker.internal:7233 osop-worker:0.1.0
FROM eclipse-temurin:17-jdk-jammy AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY workflows/pom.xml workflows/pom.xml
COPY activities/pom.xml activities/pom.xml
COPY worker/pom.xml worker/pom.xml
COPY starter/pom.xml starter/pom.xml
RUN ./mvnw -q -B -pl worker -am dependency:go-offline -DexcludeReactor=true || true
COPY workflows workflows
COPY activities activities
COPY worker worker
RUN ./mvnw -q -B -pl worker -am package -DskipTests -Dspotless.check.skip=true \
 && mkdir -p /out/lib \
 && cp worker/target/lib/*.jar /out/lib/ \
 && cp "$(ls worker/target/worker-*.jar | grep -v -e sources -e javadoc | head -1)" /out/worker.jar

FROM eclipse-temurin:17-jre-jammy
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --uid 10001 --create-home --home-dir /var/lib/osop osop
COPY --from=build /out /opt/osop
USER 10001
WORKDIR /var/lib/osop
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD curl -fsS http://localhost:8080/readyz || exit 1
# SIGTERM reaches the JVM directly (exec form): the worker stops polling, lets running activities
# finish within shutdown.grace_period and exits 0.
ENTRYPOINT ["java", "-Xss8m", "-cp", "/opt/osop/worker.jar:/opt/osop/lib/*", "io.osop.temporal.worker.WorkerMain"]
