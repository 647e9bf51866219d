#!/usr/bin/env bash
# Side by side: snippet against curlconverter (pinned in bench/package-lock.json),
# curl -> Python requests over the curlconverter fixture commands both convert.
#
#   bash bench/compare.sh            # RUNS=3 per command per process, ROUNDS=200 in process
#   RUNS=2 ROUNDS=50 bash bench/compare.sh
#
# Needs cargo, node + npm (registry access for the first install) and python3.
# Writes target/bench/compare/report.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=${CORPUS:-../shared/corpus/curlconverter/curl_commands}
runs=${RUNS:-3}
rounds=${ROUNDS:-200}
out=target/bench/compare
converter=target/bench/curlconverter

if [[ ! -d $corpus ]]; then
    echo "compare.sh: $corpus is absent (../shared not here): nothing to compare, skipped"
    exit 0
fi
mkdir -p "$out" "$converter"
if [[ ! -x /usr/bin/time ]]; then
    apt-get install -y time >&2 || { echo "compare.sh: needs GNU time (apt-get install time)"; exit 2; }
fi

# curlconverter, installed once per lock file.
if ! cmp -s bench/package-lock.json "$converter/package-lock.json" ||
    [[ ! -e $converter/node_modules/.bin/curlconverter ]]; then
    cp bench/package.json bench/package-lock.json "$converter/"
    npm ci --prefix "$converter" --no-audit --no-fund >&2
fi
cc_cli=(node "$converter/node_modules/curlconverter/dist/src/cli.js" --language python -)

cargo build --release --locked --bin snippet >&2
snippet=(target/release/snippet --lang python --client requests --curl -)

# The commands both tools convert (exit 0); the others are skipped.
list=$out/commands.txt
: >"$list"
skipped=0
for file in "$corpus"/*.sh; do
    if "${snippet[@]}" <"$file" >/dev/null 2>&1 && "${cc_cli[@]}" <"$file" >/dev/null 2>&1; then
        realpath "$file" >>"$list"
    else
        skipped=$((skipped + 1))
    fi
done
echo "commands: $(wc -l <"$list") converted by both, $skipped skipped" | tee "$out/report.txt"

# (a) one fresh process per conversion.
per_process() { python3 bench/per_process.py "$list" "$runs" "$@" | tee -a "$out/report.txt"; }
per_process spawn-floor -- /bin/true
per_process snippet -- "${snippet[@]}"
per_process curlconverter -- "${cc_cli[@]}"

# (b) warm, in one process.
cargo bench --locked --bench compare -- --list="$list" --rounds="$rounds" 2>/dev/null |
    grep 'ns per conversion' | tee -a "$out/report.txt"
node bench/in_process.mjs "$PWD/$converter" "$list" "$rounds" | tee -a "$out/report.txt"

# Ratios: curlconverter / snippet.
python3 - "$out/report.txt" <<'PY' | tee -a "$out/report.txt"
import re, sys
text = open(sys.argv[1]).read()
result = {m[0]: (float(m[1]), float(m[2])) for m in re.findall(r"RESULT (\S+) (\S+) (\S+)", text)}
warm = dict(re.findall(r"(\S+) in process: .* (\d+) ns per conversion", text))
print("ratios (curlconverter / snippet):")
print(f"  per-process wall time (median) {result['curlconverter'][0] / result['snippet'][0]:.0f}x")
print(f"  peak RSS (median)              {result['curlconverter'][1] / result['snippet'][1]:.0f}x")
print(f"  in process, per conversion     {int(warm['curlconverter']) / int(warm['snippet']):.0f}x")
PY
