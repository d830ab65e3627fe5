# syntax=docker/dockerfile:1.7
# qspace notebook server: JupyterLab with the "QSAR (Java)" kernel (JJava + qspace's jars, the grid client and the
# s3:// store) and papermill, set up by kernel-ext/bin/install-kernel. Build from the repository root:
#   docker build -f docker/notebook.Dockerfile -t qspace-notebook:dev .
#   podman build --format docker -f docker/notebook.Dockerfile -t qspace-notebook:dev .   (--format docker: HEALTHCHECK)
# Grid and store come from the environment (QSPACE_GRID, QSPACE_STORE), the token from JUPYTER_TOKEN.
# A JDK, not a JRE: the JJava kernel runs the cells through JShell (module jdk.jshell). Debian's packages, pinned.

# ---- build: jars (the same stage as in member.Dockerfile, line for line, so its layers are built once) ---------
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

# ---- base: Debian's JDK and Python ---------------------------------------------------------------------------------
FROM debian:bookworm-slim AS base
ARG CA_CERTIFICATES_VERSION=20250419~deb12u2
ARG JDK_VERSION=17.0.21.1+2-1~deb12u1
ARG PYTHON_VERSION=3.11.2-1+b1
RUN mkdir -p /usr/share/man/man1 \
 && apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates="${CA_CERTIFICATES_VERSION}" \
 && apt-get install -y --no-install-recommends openjdk-17-jdk-headless="${JDK_VERSION}" \
      python3="${PYTHON_VERSION}" python3-venv="${PYTHON_VERSION}" \
 && rm -rf /var/lib/apt/lists/*

# ---- kernel: install-kernel's own steps (pinned papermill, jjava, jupyterlab; kernel.json) ------------------------
FROM base AS kernel
COPY kernel-ext/bin/install-kernel /opt/qspace/kernel-ext/bin/
COPY kernel-ext/python /opt/qspace/kernel-ext/python
COPY --from=build /out/kernel/app/ /opt/qspace/kernel-ext/target/kernel-lib/
# --no-build: the jars come from the build stage; afterwards the spec's jar copies are dropped so that the venv
# layer holds Python only and the jars get their own layers below. pip trusts the system's CA bundle (which holds
# any local CA a build behind a TLS-inspecting proxy mounts), not only its own.
RUN PIP_CERT=/etc/ssl/certs/ca-certificates.crt PIP_NO_CACHE_DIR=1 /opt/qspace/kernel-ext/bin/install-kernel --no-build \
      --kernel-jar /opt/qspace/kernel-ext/target/kernel-lib/kernel-ext-0.1.0-SNAPSHOT.jar \
 && rm -rf /opt/qspace/.venv/share/jupyter/kernels/qsar-java/lib

# ---- runtime -----------------------------------------------------------------------------------------------------
FROM base
RUN groupadd --system --gid 10001 qspace \
 && useradd --system --uid 10001 --gid qspace --create-home --home-dir /home/qspace --shell /bin/bash qspace
COPY --from=kernel /opt/qspace/.venv /opt/qspace/.venv
# kernel.json's JJAVA_CLASSPATH is <spec>/lib/*.jar: third-party jars first (rarely change), qspace's last.
COPY --from=build /out/kernel/deps/ /opt/qspace/.venv/share/jupyter/kernels/qsar-java/lib/
COPY --from=build /out/kernel/app/ /opt/qspace/.venv/share/jupyter/kernels/qsar-java/lib/
COPY docker/bin/qspace-notebook /opt/qspace/bin/qspace-notebook
ENV PATH="/opt/qspace/.venv/bin:${PATH}" \
    QSPACE_NOTEBOOK_IP=0.0.0.0 \
    QSPACE_NOTEBOOK_DIR=/home/qspace/work
USER 10001:10001
WORKDIR /home/qspace/work
EXPOSE 8888
# /api answers without a token: Jupyter's own liveness endpoint.
HEALTHCHECK --interval=5s --timeout=3s --start-period=30s --retries=3 \
    CMD ["python3", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8888/api', timeout=2)"]
ENTRYPOINT ["/opt/qspace/bin/qspace-notebook"]
