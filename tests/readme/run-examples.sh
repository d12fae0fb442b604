#!/usr/bin/env bash
# Runs every ```sh block of README.md against a served instance, command by command, as a reader
# would paste them, and fails unless each command exits 0 and answers something: output that is not
# only null, a variable it sets, or a file it writes. Blocks fenced ```sh by-hand are for a person
# (they start servers or change data) and are skipped.
#   tests/readme/run-examples.sh [BASE_URL]   (default http://127.0.0.1:8080, where ./run.sh serves)
# The README's http://127.0.0.1:8080 is replaced by BASE_URL. Needs curl and jq, as the README does.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
readme=${README:-$here/../../README.md}
documented="http://127.0.0.1:8080"
base=${1:-$documented}
base=${base%/}

work=$(mktemp -d "${TMPDIR:-/tmp}/readme-examples.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/cwd"

# Splits the runnable blocks into commands: a command ends at the first line where what was read
# so far parses as shell (bash -n) and does not end in a backslash or a pipe.
count=0 in_block=0 buffer="" start=0 number=0
while IFS= read -r line || [ -n "$line" ]; do
  number=$((number + 1))
  if [ "$in_block" -eq 0 ]; then
    [[ $line =~ ^\`\`\`sh[[:space:]]*$ ]] && in_block=1
    continue
  fi
  if [[ $line =~ ^\`\`\` ]]; then
    in_block=0
    if [ -n "$buffer" ]; then echo "README.md:$start: a command is not finished when its block ends" >&2; exit 1; fi
    continue
  fi
  [ -z "$buffer" ] && start=$number
  buffer+="$line"$'\n'
  if [[ $line =~ (\\|\|)[[:space:]]*$ ]] || ! bash -n <<<"$buffer" 2>/dev/null; then continue; fi
  if grep -qvE '^[[:space:]]*(#.*)?$' <<<"$buffer"; then
    count=$((count + 1))
    printf '%s' "${buffer//"$documented"/"$base"}" > "$work/command.$count"
    echo "$start" > "$work/line.$count"
  fi
  buffer=""
done < "$readme"
[ "$count" -gt 0 ] || { echo "No runnable \`\`\`sh command found in $readme" >&2; exit 1; }

# One shell runs them all, in order, so a variable one command sets is there for the next.
{
  cat "$here/harness.sh"
  for i in $(seq 1 "$count"); do
    # shellcheck disable=SC2016 # $readme_out and $? belong to the script written, not to this one
    printf 'readme_before\n{\n%s\n} >"$readme_out" 2>"$readme_err"\nreadme_after $? %s %q\n' \
      "$(cat "$work/command.$i")" "$(cat "$work/line.$i")" "$(cat "$work/command.$i")"
  done
  echo 'readme_summary'
} > "$work/script.sh"

echo "README examples: $count commands against $base"
(cd "$work/cwd" && bash "$work/script.sh")
