#!/usr/bin/env bash
# Measures the task list and keyword search at 1,000,000 tasks on MariaDB: creates a scratch schema with the
# server's migrations, fills it with one bulk INSERT ... SELECT over the Sequence engine, times the list's
# queries (first page, page 5,000, keyword search, counts) and drops the schema again.
#   scripts/scale-tasks.sh [host] [port]     (user root, no password; MARIADB_USER/MARIADB_PASSWORD to change)
set -euo pipefail
HOST=${1:-127.0.0.1}
PORT=${2:-3306}
SCHEMA=dj_scale_$$
ROWS=${ROWS:-1000000}
MIGRATIONS=$(dirname "$0")/../server/src/main/resources/db/migration/mysql
db() { mariadb -h"$HOST" -P"$PORT" -u"${MARIADB_USER:-root}" ${MARIADB_PASSWORD:+-p"$MARIADB_PASSWORD"} "$@"; }
trap 'db -e "DROP DATABASE IF EXISTS $SCHEMA"' EXIT

db -e "CREATE DATABASE $SCHEMA"
for f in $(ls "$MIGRATIONS" | sort -t_ -k1.2 -n); do db "$SCHEMA" < "$MIGRATIONS/$f"; done
start=$(date +%s.%N)
db "$SCHEMA" -e "INSERT INTO task (name, department_id, task_type, cron_expression, timezone, status, url, http_method,
  creator_id) SELECT CONCAT('job-', LPAD(seq, 7, '0'), '-', ELT(1 + seq % 5, 'billing', 'report', 'sync', 'cleanup', 'mail')),
  1 + seq % 50, 'HTTP', '0 0 * * *', 'UTC', 0, CONCAT('https://example.com/', seq), 'POST', 1 FROM seq_1_to_$ROWS"
echo "inserted $ROWS tasks in $(echo "$(date +%s.%N) - $start" | bc) s"
db "$SCHEMA" -e "ANALYZE TABLE task" > /dev/null

DEPTS=$(seq -s, 1 50)
COLS="t.id, t.name, t.description, t.department_id, t.task_type, t.cron_expression, t.timezone, t.status, t.timeout,
  t.max_retry, t.retry_interval, t.url, t.http_method, t.headers, t.body, t.fallback_url, t.grpc_service, t.grpc_method,
  t.grpc_params, t.fallback_grpc_service, t.fallback_grpc_method, t.misfire_policy, t.concurrency_policy,
  t.next_execute_time, t.version, t.creator_id, t.create_time, t.update_time"
measure() {
  local label=$1 sql=$2
  # server-side durations (SHOW PROFILES), best of three runs in one session
  local best
  best=$(db "$SCHEMA" -N -e "SET profiling = 1; $sql; $sql; $sql; SHOW PROFILES;" \
    | awk -F'\t' 'NF == 3 && $1 ~ /^[0-9]+$/ { print $2 }' | sort -n | head -1)
  printf '%-52s %8.1f ms\n' "$label" "$(echo "$best * 1000" | bc -l)"
}
measure "first page, ORDER BY id DESC LIMIT 10" "SELECT $COLS FROM task t WHERE t.department_id IN ($DEPTS) ORDER BY t.id DESC LIMIT 10 OFFSET 0"
measure "page 5,000 (OFFSET 49,990)" "SELECT $COLS FROM task t WHERE t.department_id IN ($DEPTS) ORDER BY t.id DESC LIMIT 10 OFFSET 49990"
measure "page 5,000 by keyset (id < last seen)" "SELECT $COLS FROM task t WHERE t.department_id IN ($DEPTS) AND t.id < 950010 ORDER BY t.id DESC LIMIT 10"
measure "COUNT(*) of the whole scope" "SELECT COUNT(*) FROM task t WHERE t.department_id IN ($DEPTS)"
measure "keyword, contains (LIKE '%0424242%'), page" "SELECT $COLS FROM task t WHERE t.department_id IN ($DEPTS) AND t.name LIKE '%0424242%' ORDER BY t.id DESC LIMIT 10"
measure "keyword, contains, COUNT(*)" "SELECT COUNT(*) FROM task t WHERE t.department_id IN ($DEPTS) AND t.name LIKE '%0424242%'"
measure "keyword, prefix (LIKE 'job-0424%'), page" "SELECT $COLS FROM task t WHERE t.department_id IN ($DEPTS) AND t.name LIKE 'job-0424%' ORDER BY t.id DESC LIMIT 10"
measure "keyword, prefix, COUNT(*)" "SELECT COUNT(*) FROM task t WHERE t.department_id IN ($DEPTS) AND t.name LIKE 'job-0424%'"
measure "list total, counted up to 10,000" "SELECT COUNT(*) FROM (SELECT 1 FROM task t WHERE t.department_id IN ($DEPTS) LIMIT 10000) x"
measure "one department, first page" "SELECT $COLS FROM task t WHERE t.department_id IN (7) ORDER BY t.id DESC LIMIT 10"
measure "one department, total up to 10,000" "SELECT COUNT(*) FROM (SELECT 1 FROM task t WHERE t.department_id IN (7) LIMIT 10000) x"
measure "keyword, prefix, total up to 10,000" "SELECT COUNT(*) FROM (SELECT 1 FROM task t WHERE t.department_id IN ($DEPTS) AND t.name LIKE 'job-0424%' LIMIT 10000) x"
