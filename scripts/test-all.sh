#!/usr/bin/env bash
# Every check the project has, in the order a failure is cheapest to find: lint, types, unit and
# scenario tests, the production build, then the browser tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; }

step "lint (eslint; src/engine and src/shell may not import UI code)"
npx eslint .
step "type check (tsc -b)"
npx tsc -b
step "import cycles (none allowed, type imports included)"
npx tsx scripts/check-cycles.ts
step "dead code (knip: unused files, exports, types and dependencies)"
npx knip
step "unit, property and CLI scenario tests (vitest)"
npx vitest run
step "production build (vite)"
npx vite build
step "budgets (first-paint JavaScript, engine bundle free of UI libraries)"
npx tsx scripts/check-budgets.ts
step "browser tests (playwright, Debian chromium)"
bash scripts/ensure-chromium.sh
npx playwright test
