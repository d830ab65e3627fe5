# syntax=docker/dockerfile:1.7
# qspace grid member. Build from the repository root:
#   docker build -f docker/member.Dockerfile -t qspace-member:dev .
# Every setting comes from QSPACE_* environment variables or one mounted Hazelcast YAML (QSPACE_GRID_CONFIG);
# nothing about a cluster is baked in. See docker/README.md.

# ---- build: the reactor's jars, then the member's class path laid out by docker/bin/assemble-lib ----------------
FROM maven:3.9.11-eclipse-temurin-17 AS build
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

# ---- runtime: JRE only, non-root -------------------------------------------------------------------------------
FROM eclipse-temurin:17.0.16_8-jre-noble
# qspace-member's lookup: the lib folder beside its bin folder.
RUN groupadd --system --gid 10001 qspace \
 && useradd --system --uid 10001 --gid qspace --home-dir /opt/qspace --shell /usr/sbin/nologin qspace
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
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/$(hostname -i | cut -d' ' -f1)/${QSPACE_PORT:-5701}"]
ENTRYPOINT ["/opt/qspace/bin/qspace-member"]
