#!/bin/sh
# Online backup of a running CQO Academy on the embedded store, as one zip file.
# Usage: CQO_BACKUP_USER=admin-jx CQO_BACKUP_PASSWORD=... deploy/backup.sh [URL] [OUTPUT]
# The account must be a province administrator. Restore: unzip the file into an empty
# directory and start the platform with CQO_DATA_DIR pointing there (see README).
set -eu
url=${1:-http://localhost:8080}
output=${2:-cqo-backup-$(date -u +%Y%m%d-%H%M%S).zip}
: "${CQO_BACKUP_USER:?set CQO_BACKUP_USER to a province administrator}"
: "${CQO_BACKUP_PASSWORD:?set CQO_BACKUP_PASSWORD}"
credentials=$(printf '{"username":"%s","password":"%s"}' "$CQO_BACKUP_USER" "$CQO_BACKUP_PASSWORD")
token=$(curl -fsS -H 'Content-Type: application/json' -d "$credentials" "$url/api/v1/auth/token" \
  | sed -n 's/.*"accessToken" *: *"\([^"]*\)".*/\1/p')
if [ -z "$token" ]; then
  echo "sign-in as $CQO_BACKUP_USER failed" >&2
  exit 1
fi
curl -fsS -X POST -H "Authorization: Bearer $token" -o "$output.part" "$url/api/v1/admin/backups"
mv "$output.part" "$output"
echo "backup written to $output ($(wc -c < "$output") bytes)"
