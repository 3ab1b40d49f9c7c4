#!/usr/bin/env bash
# Runs each libFuzzer target for a bounded time from the committed seed corpus (`make fuzz`).
# Usage: Tests/Fuzz/run.sh BINARY SECONDS TARGET…
# New inputs go to .cache/fuzz/corpus/TARGET, findings (crashes, hangs, out-of-memory) to
# .cache/fuzz/findings/TARGET; copy a finding to Tests/Fuzz/Corpus/TARGET/regression-NAME once fixed,
# so that `make test` replays it for ever.
set -u
binary=$1 seconds=$2
shift 2
status=0
printf '%-14s %12s %8s %9s  %s\n' target executions exec/s coverage findings
for target in "$@"; do
  corpus=.cache/fuzz/corpus/$target findings=.cache/fuzz/findings/$target log=.cache/fuzz/$target.log
  mkdir -p "$corpus" "$findings"
  # Swift's own crash report would stop libFuzzer from saving the input that crashed.
  SWIFT_BACKTRACE=enable=no NOTICE_FUZZ_TARGET=$target "$binary" "$corpus" "Tests/Fuzz/Corpus/$target" \
    -max_total_time="$seconds" -timeout=2 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 \
    -artifact_prefix="$findings/" >"$log" 2>&1 || status=1
  executions=$(grep -o 'number_of_executed_units: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
  speed=$(grep -o 'average_exec_per_sec: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
  coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
  found=$(find "$findings" -type f | wc -l)
  printf '%-14s %12s %8s %9s  %s\n' "$target" "${executions:-?}" "${speed:-?}" "${coverage:-?}" "$found"
done
[ "$status" = 0 ] || echo "A target stopped on a finding: see .cache/fuzz/TARGET.log and .cache/fuzz/findings/."
exit "$status"
