// Decap's own validateConfig on a config file, with the widgets decap-cms-app registers.
// decap-cms-core ships browser ES modules: esbuild bundles validateConfig and the widgets
// (the same import lines as decap-cms-app's extensions.js) for Node, and jsdom stands in
// for the browser globals some modules touch when loaded. Prints Decap's errors, exits 1.
// Usage: node decap_config.cjs NODE_MODULES WORK_DIR CONFIG.yml…
'use strict';
const fs = require('fs');
const path = require('path');
const [modules, work, ...configs] = process.argv.slice(2);
const need = (name) => require(path.join(modules, name));

const extensions = fs.readFileSync(path.join(modules, 'decap-cms-app/dist/esm/extensions.js'), 'utf8');
const widgets = [...extensions.matchAll(/^import (\w+) from '(decap-cms-widget-[\w-]+)';$/gm)];
if (widgets.length === 0) throw new Error('decap-cms-app: no widget imports found in extensions.js');
const entry = path.join(work, 'decap-entry.mjs');
fs.writeFileSync(entry, [
  "import { registerWidget } from 'decap-cms-core/dist/esm/lib/registry.js';",
  "export { validateConfig } from 'decap-cms-core/dist/esm/constants/configSchema.js';",
  ...widgets.map(([, name, pkg]) => `import ${name} from '${pkg}';`),
  `registerWidget([${widgets.map(([, name]) => `${name}.Widget()`).join(', ')}]);`,
].join('\n'));
const bundle = path.join(work, 'decap-validate.cjs');
need('esbuild').buildSync({
  entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: bundle,
  mainFields: ['module', 'main'], loader: { '.js': 'jsx' }, logLevel: 'error', nodePaths: [modules],
});

const { JSDOM } = need('jsdom');
const dom = new JSDOM('', { url: 'http://localhost/admin/' });
dom.window.URL.createObjectURL = URL.createObjectURL;
for (const key of ['window', 'document', 'navigator', 'localStorage', 'HTMLElement', 'Node']) {
  const value = key === 'window' ? dom.window : dom.window[key];
  Object.defineProperty(globalThis, key, { value, configurable: true, writable: true });
}
const { validateConfig } = require(bundle);
const yaml = need('yaml');
let failed = false;
for (const file of configs) {
  try {
    validateConfig(yaml.parse(fs.readFileSync(file, 'utf8')));
  } catch (error) {
    failed = true;
    console.log(`${file}: ${error.message}`);
  }
}
process.exit(failed ? 1 : 0);
