// The page for embedding in a host page (see ui/embed.rs and the README), a step of
// scripts/postbuild.mjs: embed.js (scripts/embed.js with the build's names) and the stylesheet
// with rem replaced, so that a host's root font size does not scale the app.
import fs from 'node:fs';
import path from 'node:path';
import { filled, sha } from './common.mjs';
import { unsupportedText } from './startup.mjs';

export function writeEmbed(dir, { glueName, modulesName, wasmName }) {
  const cssName = fs.readdirSync(dir).find((n) => /^main-[0-9a-f]+\.css$/.test(n));
  if (!cssName) throw new Error('the app\'s CSS is missing from the build');
  const css = fs.readFileSync(path.join(dir, cssName), 'utf8').replace(/(-?\d*\.?\d+)rem\b/g, 'calc($1 * var(--xs-rem, 1rem))');
  const embedCss = `embed-${sha(css).slice(0, 16)}.css`;
  fs.writeFileSync(path.join(dir, embedCss), css);
  fs.writeFileSync(path.join(dir, 'embed.js'), filled('embed.js', {
    GLUE_JS: glueName,
    MODULES_JS: modulesName,
    UNSUPPORTED_JS: unsupportedText().trim(),
    APP_WASM: wasmName,
    EMBED_CSS: embedCss,
  }));
}
