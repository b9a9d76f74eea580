#!/usr/bin/env bash
# Build and run CQO Academy with the embedded store (data in ./data) and demo accounts; open the printed URL.
set -euo pipefail
cd "$(dirname "$0")"
. .ci/jdk.sh
cqo_select_jdk
./mvnw -B -q -DskipTests install
export CQO_DEMO="${CQO_DEMO:-true}"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar backend/target/backend-0.1.0-SNAPSHOT.jar "$@"
