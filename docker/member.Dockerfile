# syntax=docker/dockerfile:1.7
# qspace grid member. Build from the repository root, with Docker or Podman:
#   docker build -f docker/member.Dockerfile -t qspace-member:dev .
#   podman build --format docker -f docker/member.Dockerfile -t qspace-member:dev .   (--format docker: HEALTHCHECK)
# Every setting comes from QSPACE_* environment variables or one mounted Hazelcast YAML (QSPACE_GRID_CONFIG);
# nothing about a cluster is baked in. See docker/README.md.
# Java and Maven are Debian's packages, pinned below (override with --build-arg when Debian's archive moves on).

# ---- build: the reactor's jars, then the member's class path laid out by docker/bin/assemble-lib ----------------
# The same stage as in notebook.Dockerfile, line for line, so a second image build reuses its layers.
FROM debian:bookworm-slim AS build
ARG CA_CERTIFICATES_VERSION=20250419~deb12u2
ARG JDK_VERSION=17.0.21.1+2-1~deb12u1
ARG MAVEN_VERSION=3.8.7-1
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
# ca-certificates first: its install adds any local CA in /usr/local/share/ca-certificates (a build behind a
# TLS-inspecting proxy mounts one there) to the trust store that Java's cacerts is then made from.
# man1: slim images drop man pages, and the JDK's update-alternatives still links into that folder
RUN mkdir -p /usr/share/man/man1 \
 && apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates="${CA_CERTIFICATES_VERSION}" \
 && apt-get install -y --no-install-recommends openjdk-17-jdk-headless="${JDK_VERSION}" maven="${MAVEN_VERSION}" \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Poms first: their layer (and the dependency download below) is reused while only sources change.
COPY pom.xml ./
COPY qsar-dsl/pom.xml qsar-dsl/
COPY qsar-dsl/s3/pom.xml qsar-dsl/s3/
COPY grid/pom.xml grid/
COPY kernel-ext/pom.xml kernel-ext/
COPY bench/pom.xml bench/
COPY docker/dist docker/dist
COPY qsar-dsl/src qsar-dsl/src
COPY qsar-dsl/s3/src qsar-dsl/s3/src
COPY grid/src grid/src
COPY docker/bin/assemble-lib docker/bin/
# kernel-ext is built too only because assemble-lib lays out both images' class paths in one go.
COPY kernel-ext/src kernel-ext/src
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests -Dqspace.skipKernel install -pl grid,qsar-dsl/s3,kernel-ext -am \
 && docker/bin/assemble-lib /out

# ---- runtime: Debian's JRE, non-root -----------------------------------------------------------------------------
FROM debian:bookworm-slim
ARG CA_CERTIFICATES_VERSION=20250419~deb12u2
ARG JRE_VERSION=17.0.21.1+2-1~deb12u1
# man1: slim images drop man pages, and the JDK's update-alternatives still links into that folder
RUN mkdir -p /usr/share/man/man1 \
 && apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates="${CA_CERTIFICATES_VERSION}" \
 && apt-get install -y --no-install-recommends openjdk-17-jre-headless="${JRE_VERSION}" \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 qspace \
 && useradd --system --uid 10001 --gid qspace --home-dir /opt/qspace --shell /usr/sbin/nologin qspace
# qspace-member's lookup: the lib folder beside its bin folder.
COPY --from=build /out/member/deps/ /opt/qspace/lib/
COPY --from=build /out/member/app/ /opt/qspace/lib/
COPY grid/bin/qspace-member /opt/qspace/bin/qspace-member
COPY docker/config/ /opt/qspace/config/
USER 10001:10001
WORKDIR /opt/qspace
# Defaults for a container: more heap than the script's laptop default; the bind interface and join method are
# the deployment's to give (compose, k8s, EC2 user data) and have no sensible image-wide value.
ENV QSPACE_HEAP=1g \
    QSPACE_SLOTS=4
EXPOSE 5701
# A member that listens on its Hazelcast port on its own address is up (it binds one interface, never localhost).
HEALTHCHECK --interval=5s --timeout=3s --start-period=30s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/$(hostname -i | cut -d' ' -f1)/${QSPACE_PORT:-5701}"]
ENTRYPOINT ["/opt/qspace/bin/qspace-member"]
