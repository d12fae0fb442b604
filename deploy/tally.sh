# Sourced by deploy/container-tests.sh and deploy/smoke.sh, which set $tier first: log lines, docker
# through sudo when not root (its socket is root's), and the closing tally "$tier: N passed, N failed"
# that .ci/run reads.
log() { printf '%s: %s\n' "$tier" "$*" >&2; }
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
docker() { if [ -n "$sudo" ]; then sudo docker "$@"; else command docker "$@"; fi; }

passed=0 failed=0
# tally RC: prints the closing line and exits. A step that stopped the run (RC non-zero) counts as a
# failure even if no check had failed; any failure makes the exit status non-zero.
tally() {
  local rc=$1
  if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  echo "$tier: $passed passed, $failed failed"
  if [ "$rc" -eq 0 ] && [ "$failed" -gt 0 ]; then rc=1; fi
  exit "$rc"
}
