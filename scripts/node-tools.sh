# Sourced by the scripts that run a Node.js tool pinned by an npm lock file
# (scripts/openapi-lint.sh, scripts/client-ts.sh): is a usable Node.js there, and `npm ci`
# of the tool's folder once per lock file.
#
# Without a usable Node.js a step says why and skips (exit NODE_TOOLS_SKIP_STATUS, 0 unless
# the caller sets it, e.g. 77 so pytest can report a skip); with CI=true it fails, so CI
# never passes without running the step.

# node_tools_unavailable STEP PURPOSE NEED REASON: skip (or fail under CI=true), and exit.
node_tools_unavailable() {
    if [ "${CI:-}" = true ]; then
        echo "$1: $4; CI=true needs it to $2" >&2
        exit 1
    fi
    echo "$1: $4; SKIPPED: could not $2 (install Node.js $3 and npm)"
    exit "${NODE_TOOLS_SKIP_STATUS:-0}"
}

# node_tools_require STEP PURPOSE MINIMUMS: exits through node_tools_unavailable unless node
# and npm are installed and node is at least one of MINIMUMS ("20.19 22.12": 20.19+ on the
# 20 line, 22.12+ on 22, any later major; a major between two listed lines is too old).
node_tools_require() {
    local step=$1 purpose=$2 minimums=$3
    local need
    need="$(echo "$minimums" | sed 's/\([0-9.]*\)/\1+/g; s/ / or /g')"
    command -v node >/dev/null 2>&1 ||
        node_tools_unavailable "$step" "$purpose" "$need" "node is not installed"
    command -v npm >/dev/null 2>&1 ||
        node_tools_unavailable "$step" "$purpose" "$need" "npm is not installed"
    node -e '
const [major, minor] = process.versions.node.split(".").map(Number);
const lines = process.argv[1].split(" ").map((v) => v.split(".").map(Number));
const last = lines[lines.length - 1][0];
const fits = lines.some(([m, n]) => major === m && minor >= (n ?? 0)) || major > last;
process.exit(fits ? 0 : 1);
' "$minimums" ||
        node_tools_unavailable "$step" "$purpose" "$need" "Node.js $(node --version) is older than $need"
}

# node_tools_install DIR: `npm ci` in DIR (exact versions and hashes from its
# package-lock.json, no install scripts) unless this lock file is installed already. Runs
# held under a lock on the lock file, so parallel test workers install once. npm's report
# goes to stderr: a tool's stdout is its answer (a JSON batch the tests parse).
node_tools_install() {
    local dir=$1
    local stamp
    stamp="$dir/node_modules/.installed-$(cksum <"$dir/package-lock.json" | cut -d' ' -f1)"
    [ -e "$stamp" ] && return 0
    flock "$dir/package-lock.json" sh -c '
        [ -e "$2" ] && exit 0
        npm ci --prefix "$1" --no-audit --no-fund --ignore-scripts --loglevel=error >&2 && touch "$2"
    ' node_tools_install "$dir" "$stamp"
}
