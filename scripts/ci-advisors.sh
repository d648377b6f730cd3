#!/usr/bin/env sh
# On a fresh PostgreSQL database: apply every migration with db:migrate, then require Supabase's
# advisors to report no WARN or ERROR lint. Needs TEST_DATABASE_URL (any database on the server).
# TEST_DATABASE_FLAVOR=hosted-supabase first prepares the database as a hosted project is
# (supabase/bootstrap/hosted-supabase-defaults.sql: default ALL grants to the API roles).
set -eu
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  echo "Set TEST_DATABASE_URL, e.g. postgres://postgres:postgres@127.0.0.1:5432/postgres?sslmode=disable" >&2
  exit 1
fi
db="leadlanes_advisors_$$"
psql "$TEST_DATABASE_URL" -qc "create database $db"
trap 'psql "$TEST_DATABASE_URL" -qc "drop database if exists $db with (force)"' EXIT
url=$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$TEST_DATABASE_URL" "$db")
if [ "${TEST_DATABASE_FLAVOR:-}" = hosted-supabase ]; then
  psql "$url" -q -v ON_ERROR_STOP=1 -f supabase/bootstrap/supabase-compat.sql \
    -f supabase/bootstrap/hosted-supabase-defaults.sql
fi
DATABASE_URL="$url" npm run --silent db:migrate
DATABASE_URL="$url" npm run --silent db:advisors
