#!/usr/bin/env node
// Tiny shim: load the bundled CLI (built by `npm ci` through the prepare script).
import('../dist/cli.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
    process.stderr.write('careerforge: the CLI is not built yet: run `npm run build` in the package directory\n');
    process.exit(1);
  }
  throw error;
});
