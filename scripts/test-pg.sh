#!/usr/bin/env sh
# Database, server and sync tests against a real PostgreSQL (each test file gets its own
# temporary database on that server).
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  echo "Set TEST_DATABASE_URL, e.g. postgres://postgres:postgres@127.0.0.1:5432/postgres?sslmode=disable" >&2
  exit 1
fi
exec npx vitest run --project db "$@"
