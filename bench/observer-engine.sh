#!/bin/sh
# Samples the observer's signal engine while bench/ObserverLoad.java (or anything else) feeds it:
# every INTERVAL seconds, events stored and events processed per second (the slowest partition's
# position, or the old single reader's), the backlog between them, clicks waiting for their
# outcome, and the machine's load average. Stops after SECONDS, or earlier once the engine has
# caught up with a backlog that stopped growing (the load is over).
#
#   bench/observer-engine.sh DATABASE SECONDS [INTERVAL]      (PostgreSQL on 127.0.0.1, user postgres)
set -eu
db=$1
seconds=$2
interval=${3:-5}
q() {
  psql -h 127.0.0.1 -U postgres -d "$db" -At -F ' ' -c "SELECT
    (SELECT COALESCE(MAX(id), 0) FROM jotrs_observer_event),
    (SELECT COALESCE(MIN(last_event_id), 0) FROM jotrs_observer_engine WHERE name = 'signals' OR name LIKE 'signals.%'),
    (SELECT COUNT(*) FROM jotrs_observer_pending)"
}
set -- $(q)
stored0=$1 done0=$2
start=$(date +%s)
prev=$start
began=
printf '%8s %12s %14s %10s %9s  %s\n' seconds stored/s processed/s backlog pending load
while :; do
  sleep "$interval"
  set -- $(q)
  now=$(date +%s)
  took=$((now - prev))
  printf '%8d %12d %14d %10d %9d  %s\n' $((now - start)) $((($1 - stored0) / took)) $((($2 - done0) / took)) \
    $(($1 - $2)) "$3" "$(cut -d' ' -f1-3 /proc/loadavg)"
  grew=$(($1 - stored0))
  if [ -z "$began" ] && [ "$grew" -gt 0 ]; then
    # The load began during this interval: count from its start.
    began=$prev first_stored=$stored0 first_done=$done0
  fi
  stored0=$1 done0=$2 prev=$now
  if [ $((now - start)) -ge "$seconds" ] || { [ -n "$began" ] && [ "$grew" -eq 0 ] && [ "$2" -ge "$1" ]; }; then
    break
  fi
done
if [ -n "$began" ]; then
  echo "from the first event stored to the engine caught up: $((stored0 - first_stored)) events stored," \
    "$((done0 - first_done)) processed in $((now - began)) s = $(((done0 - first_done) / (now - began))) events/s processed"
fi
