#!/usr/bin/env bash
# Every check the project has, in the order a failure is cheapest to find: lint, types, unit and
# scenario tests, the production build, then the browser tests in Debian's Chromium. Expected files
# (transcripts, traces) are only read here, never written (vite.config.ts: update 'none'); `npm run
# test:update` writes them.
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
step "CLI bundle (bin/kubehop's prebuilt sources, rebuilt only when one changed)"
node bin/cli-bundle.mjs
step "unit, property and CLI scenario tests (vitest)"
npx vitest run
# One production build serves the budgets and the browser tests (E2E_OUT_DIR, when set, keeps it out of dist/ so
# several checkouts can test at once).
out="${E2E_OUT_DIR:-dist}"
step "production build (vite)"
npx vite build --outDir "$out" --emptyOutDir
step "budgets (first-paint JavaScript, engine bundle free of UI libraries)"
BUDGET_DIST="$out" npx tsx scripts/check-budgets.ts
step "browser tests (playwright, Debian chromium, on the build above)"
bash scripts/ensure-chromium.sh
E2E_SKIP_BUILD=1 npx playwright test
