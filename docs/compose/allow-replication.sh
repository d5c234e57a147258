#!/bin/sh
# Run once by the postgres image when it makes the primary's database: lets the standby of
# docker-compose.yml stream the write-ahead log over the compose network, with the password.
set -e
echo "host replication ${POSTGRES_USER} all scram-sha-256" >> "$PGDATA/pg_hba.conf"
