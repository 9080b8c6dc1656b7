#!/usr/bin/env node
// Entry point installed as `chromflow`. Runs the compiled CLI from dist/ (built by `npm ci`
// through the `prepare` script).
import '../dist/cli/main.js';
