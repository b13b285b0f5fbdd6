#!/usr/bin/env bash
# Fails when a layer includes a layer it may not depend on (arrows point down only; see
# src/README.md). Usage: check_layers.sh SRC_DIR
set -euo pipefail
src=${1:?usage: check_layers.sh SRC_DIR}

declare -A allowed=(
  [base]="base"
  [domain]="base domain"
  [catalog]="base catalog"
  [ledger]="base ledger"
  [store]="base domain ledger store"
  [io]="base domain io"
  [report]="base report"
  [service]="base domain catalog ledger store io report service"
  [api]="base domain catalog ledger store io report service api"
  [web]="base domain catalog ledger store io report service api web"
  [cli]="base domain catalog ledger store io report service api web cli"
)

status=0
for layer in "${!allowed[@]}"; do
  [[ -d "$src/$layer" ]] || continue
  while IFS= read -r line; do
    file=${line%%:*}
    target=$(sed -E 's/.*#include "([a-z_]+)\/.*/\1/' <<<"$line")
    if [[ " ${allowed[$layer]} " != *" $target "* ]]; then
      echo "layer violation: $file includes $target/ (allowed for $layer: ${allowed[$layer]})"
      status=1
    fi
  done < <(grep -rHE '^#include "[a-z_]+/' "$src/$layer" || true)
done

# SQL stays in the store: no other layer prepares or executes statements.
if grep -rnE '"(SELECT|INSERT|UPDATE|DELETE|CREATE) ' "$src" --include='*.cpp' --include='*.h' \
    | grep -vE "^$src/store/" | grep -vE '^[^:]+:[0-9]+:\s*//'; then
  echo "SQL text outside src/store (above)"
  status=1
fi
# HTTP stays in the API layer.
if grep -rnE '#include <boost/(beast|asio)' "$src" --include='*.cpp' --include='*.h' | grep -vE "^$src/api/"; then
  echo "HTTP (Beast/Asio) outside src/api (above)"
  status=1
fi
# No domain code does I/O.
if grep -rnE '#include <(fstream|cstdio|filesystem|unistd.h|fcntl.h|sqlite3.h)>' "$src/domain"; then
  echo "I/O header included in src/domain (above)"
  status=1
fi
exit $status
