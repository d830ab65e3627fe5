# syntax=docker/dockerfile:1.7
# A local S3-compatible store: S3Proxy (from Maven Central) on its filesystem backend, for a grid on one machine and
# for CI. Production uses AWS S3 or MinIO (docker/README.md). Build from the repository root:
#   podman build --format docker -f docker/s3proxy.Dockerfile -t qspace-s3proxy:dev .
# Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, the same variables the clients read.

# ---- fetch: S3Proxy's jar with its dependencies, by Maven (the same first layer as the other images' build) ---
FROM debian:bookworm-slim AS build
ARG CA_CERTIFICATES_VERSION=20250419~deb12u2
ARG JDK_VERSION=17.0.21.1+2-1~deb12u1
ARG MAVEN_VERSION=3.8.7-1
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN mkdir -p /usr/share/man/man1 \
 && apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates="${CA_CERTIFICATES_VERSION}" \
 && apt-get install -y --no-install-recommends openjdk-17-jdk-headless="${JDK_VERSION}" maven="${MAVEN_VERSION}" \
 && rm -rf /var/lib/apt/lists/*
ARG S3PROXY_VERSION=4.1.0
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="org.gaul:s3proxy:${S3PROXY_VERSION}:jar:jar-with-dependencies" -DoutputDirectory=/out \
 && mv "/out/s3proxy-${S3PROXY_VERSION}-jar-with-dependencies.jar" /out/s3proxy.jar

# ---- runtime: Debian's JRE, non-root ----------------------------------------------------------------------------
FROM debian:bookworm-slim
ARG CA_CERTIFICATES_VERSION=20250419~deb12u2
ARG JRE_VERSION=17.0.21.1+2-1~deb12u1
RUN mkdir -p /usr/share/man/man1 \
 && apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates="${CA_CERTIFICATES_VERSION}" \
 && apt-get install -y --no-install-recommends openjdk-17-jre-headless="${JRE_VERSION}" \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 qspace \
 && useradd --system --uid 10001 --gid qspace --home-dir /opt/s3proxy --shell /usr/sbin/nologin qspace \
 && mkdir -p /data && chown 10001:10001 /data
COPY --from=build /out/s3proxy.jar /opt/s3proxy/lib/s3proxy.jar
COPY docker/bin/qspace-s3proxy /opt/s3proxy/bin/qspace-s3proxy
USER 10001:10001
WORKDIR /opt/s3proxy
VOLUME ["/data"]
EXPOSE 9000
# Up when it accepts connections on its port (every S3 call needs a signature, so no unauthenticated probe).
HEALTHCHECK --interval=5s --timeout=3s --start-period=20s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${S3PROXY_PORT:-9000}"]
ENTRYPOINT ["/opt/s3proxy/bin/qspace-s3proxy"]
