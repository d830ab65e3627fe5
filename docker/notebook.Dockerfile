# syntax=docker/dockerfile:1.7
# qspace notebook server: JupyterLab with the "QSAR (Java)" kernel (JJava + qspace's jars, the grid client and the
# s3:// store) and papermill, set up by kernel-ext/bin/install-kernel. Build from the repository root:
#   docker build -f docker/notebook.Dockerfile -t qspace-notebook:dev .
# Grid and store come from the environment (QSPACE_GRID, QSPACE_STORE), the token from JUPYTER_TOKEN.

# ---- build: jars --------------------------------------------------------------------------------------------------
FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
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
COPY kernel-ext/src kernel-ext/src
COPY docker/bin/assemble-lib docker/bin/
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests -Dqspace.skipKernel install -pl grid,qsar-dsl/s3,kernel-ext -am \
 && docker/bin/assemble-lib /out

# ---- base: Python for Jupyter plus the Temurin JRE (Adoptium's documented copy of JAVA_HOME), no apt pins ------
FROM python:3.12.11-slim-bookworm AS base
ENV JAVA_HOME=/opt/java/openjdk
ENV PATH="/opt/java/openjdk/bin:${PATH}"
COPY --from=eclipse-temurin:17.0.16_8-jre-noble /opt/java/openjdk /opt/java/openjdk

# ---- kernel: install-kernel's own steps (pinned papermill, jjava, jupyterlab; kernel.json) ------------------------
FROM base AS kernel
COPY kernel-ext/bin/install-kernel /opt/qspace/kernel-ext/bin/
COPY kernel-ext/python /opt/qspace/kernel-ext/python
COPY --from=build /out/kernel/app/ /opt/qspace/kernel-ext/target/kernel-lib/
# --no-build: the jars come from the build stage; afterwards the spec's jar copies are dropped so that the venv
# layer holds Python only and the jars get their own layers below.
RUN /opt/qspace/kernel-ext/bin/install-kernel --no-build \
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
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8888/api', timeout=2)"]
ENTRYPOINT ["/opt/qspace/bin/qspace-notebook"]
