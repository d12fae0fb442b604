# shellcheck shell=bash
# Sourced at the top of the script run-examples.sh writes: checks each README command after it runs.
set -o pipefail
readme_out=$(mktemp) readme_err=$(mktemp) readme_mark=$(mktemp) readme_failed=0 readme_passed=0
trap 'rm -f "$readme_out" "$readme_err" "$readme_mark"' EXIT

readme_before() { touch "$readme_mark"; }

# readme_after STATUS LINE COMMAND: the command passed when it exited 0 and answered something.
readme_after() {
  local status=$1 line=$2 command=$3 why="" name
  if [ "$status" -ne 0 ]; then
    why="exited $status"
  elif [ -s "$readme_out" ]; then
    # Output of nothing but null (and JSON punctuation) is a lookup that found nothing.
    grep -qvE '^[][{}, ]*("[^"]*": *)?(null)?[][{}, ]*$' "$readme_out" || why="answered only null"
  elif [[ $command =~ ^([A-Za-z_][A-Za-z0-9_]*)= ]]; then
    name=${BASH_REMATCH[1]}
    [ -n "${!name:-}" ] || why="set $name to nothing"
  elif [ -z "$(find . -type f -newer "$readme_mark" -size +0c -print -quit)" ]; then
    why="answered nothing (no output, no file written)"
  fi
  if [ -z "$why" ]; then
    readme_passed=$((readme_passed + 1))
    printf 'ok   README.md:%s  %s\n' "$line" "$(head -c 100 <<<"${command%%$'\n'*}")"
    return 0
  fi
  readme_failed=$((readme_failed + 1))
  printf 'FAIL README.md:%s: %s\n%s\n--- stdout:\n%s\n--- stderr:\n%s\n' "$line" "$why" "$command" \
    "$(head -c 2000 "$readme_out")" "$(head -c 2000 "$readme_err")" >&2
}

readme_summary() {
  echo "README examples: $readme_passed passed, $readme_failed failed"
  [ "$readme_failed" -eq 0 ]
}
