#!/bin/sh
# One-shot setup steps for docker-compose.yml, the same ones runtime/cluster-temporal.ts takes
# locally. `setup.sh schema` (before the services start): create Temporal's two databases if missing
# and bring their schemas to this server's version (update-schema applies only newer versions, so
# this is also the upgrade step). `setup.sh namespace` (once the frontend answers): register the
# namespace unless it exists. Both are safe to run on every `docker-compose up`.
set -eu
case "${1:-}" in
schema)
sql() { temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" --port "${DB_PORT:-5432}" --user "$POSTGRES_USER" --password "$POSTGRES_PWD" "$@"; }
for pair in temporal:postgresql/v12/temporal temporal_visibility:postgresql/v12/visibility; do
  db=${pair%%:*}
  schema=${pair#*:}
  # Both succeed on a database that exists already; a role without CREATEDB needs the database made for it.
  sql --db "$db" create-database || true
  sql --db "$db" setup-schema -v 0.0
  sql --db "$db" update-schema --schema-name "$schema"
done
;;
namespace)
until temporal operator cluster health --address "$FRONTEND_ADDRESS" >/dev/null 2>&1; do sleep 2; done
temporal operator namespace describe --address "$FRONTEND_ADDRESS" --namespace "${TEMPORAL_NAMESPACE:-default}" >/dev/null 2>&1 \
  || temporal operator namespace create --address "$FRONTEND_ADDRESS" --namespace "${TEMPORAL_NAMESPACE:-default}" --retention 7d
;;
*)
  echo "usage: setup.sh schema|namespace" >&2
  exit 2
;;
esac
