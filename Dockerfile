# syntax=docker/dockerfile:1
# One image per castad service, chosen by a build argument:
#   docker build --build-arg SERVICE=song-worker -t castad/song-worker .
# SERVICE: api-gateway | lyric-worker | song-worker | video-worker | blob-worker | simulators
ARG SERVICE=api-gateway

FROM maven:3.9.9-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /src
# The Maven cache survives between builds (BuildKit); tests ran in CI before an image is built.
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -pl "${SERVICE}" -am package -Dmaven.test.skip=true \
 && cp "${SERVICE}/target/${SERVICE}-"*-exec.jar /app.jar \
 && java -Djarmode=tools -jar /app.jar extract --layers --launcher --destination /extracted

FROM eclipse-temurin:17-jre-jammy
ARG SERVICE
LABEL org.opencontainers.image.title="castad ${SERVICE}" \
      org.opencontainers.image.source="https://github.com/castad/castad"
# curl for the healthchecks (the Temurin image has it; installed only if a future base drops it)
RUN command -v curl >/dev/null \
 || (apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*) \
 && groupadd --system --gid 10001 castad \
 && useradd --system --uid 10001 --gid castad --no-create-home --shell /usr/sbin/nologin castad
WORKDIR /app
# Layers from the least to the most often changed: a code change ships only the last one.
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
USER 10001:10001
# Sized from the container's memory limit, not the host's; an OutOfMemoryError ends the process, so that the
# orchestrator restarts it instead of leaving a half-working JVM; the temp dir holds uploads being spooled.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=25 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"
EXPOSE 8080
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
