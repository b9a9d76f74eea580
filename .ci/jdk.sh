# Sourced by .ci/run and ./run.sh: point JAVA_HOME at a JDK 21 or newer (the default java may be 17).
cqo_select_jdk() {
	local candidate version
	for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* /usr/local/java/*; do
		[ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
		version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
		if [ -n "$version" ] && [ "${version%%.*}" -ge 21 ] 2>/dev/null; then
			export JAVA_HOME="$candidate"
			export PATH="$JAVA_HOME/bin:$PATH"
			echo "Using JDK $version at $JAVA_HOME"
			return 0
		fi
	done
	echo "CQO Academy needs a JDK 21 or newer; none found (set JAVA_HOME)." >&2
	return 1
}
