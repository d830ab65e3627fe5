# Shared by bench/grid-*.sh: builds this worktree's modules in one reactor (the local Maven repository is shared
# with other worktrees, so installed snapshots may be someone else's) and sets $cp.
set -euo pipefail
cd "$(dirname "$0")/.."
cpfile="$PWD/bench/target/grid-classpath.txt"
mvn -B -q -o -pl bench -am package dependency:build-classpath -DskipTests -Dmdep.outputFile="$cpfile" >/dev/null
cp="$PWD/grid/target/classes:$PWD/qsar-dsl/target/classes:$PWD/bench/target/classes:$(cat "$cpfile")"
jvm=(java ${QSPACE_BENCH_CLIENT_OPTS:-} -Xmx512m -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -Djava.awt.headless=true -cp "$cp")
