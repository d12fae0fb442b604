#!/usr/bin/env bash
# Keep the dataset current: find documents on Ofsted's site (default) or in a folder of PDFs
# (--from-folder DIR) that the source store lacks, extract their text, add them to the store,
# rebuild seed-data/ with the builder and print the change summary (Markdown).
# Nothing is written unless the whole update succeeds. Arguments: see --help.
#   JUDGEMENTS_SOURCE_STORE  the source store (default ../shared/data beside the repository)
#   UPDATER_NO_BUILD=1       use the already-built Release binary (tests, after ./test.sh built it)
set -euo pipefail
cd "$(dirname "$0")/.."
. db/cluster.sh
require_dotnet
dll=seed-data/updater/bin/Release/net10.0/JudgementsApi.SeedUpdater.dll
if [ "${UPDATER_NO_BUILD:-}" != 1 ] || [ ! -f "$dll" ]; then
  dotnet build seed-data/updater -c Release -nologo -v quiet -clp:ErrorsOnly >&2
fi
exec dotnet "$dll" "$@"
