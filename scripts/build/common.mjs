// What the build's steps (scripts/postbuild.mjs) share: content hashes, and the scripts of
// scripts/ filled in with the build's names.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** scripts/, where the scripts that go into the build are. */
export const SCRIPTS = path.join(path.dirname(new URL(import.meta.url).pathname), '..');

/** SHA-256 in hex: file names carry its first 16 digits. */
export const sha = (data) => crypto.createHash('sha256').update(data).digest('hex');

/** The integrity attribute of a file's bytes. */
export const integrity = (data) => 'sha384-' + crypto.createHash('sha384').update(data).digest('base64');

/**
 * A script of scripts/ with this build's names put in for its placeholders: the names in capitals
 * in quotes ('./GLUE_JS', 'APP_WASM') or in a comment of their own (/* XZ_DECOMPRESS *\/, or
 * /* KEPT_FILES *\/ [] where the script needs a value to be valid as it stands). The placeholders
 * it has must be the ones given, or the build stops.
 */
export function filled(script, names) {
  const text = fs.readFileSync(path.join(SCRIPTS, script), 'utf8');
  const has = new Set([...text.matchAll(/'(?:\.\/)?([A-Z][A-Z0-9]*_[A-Z0-9_]+)'|\/\* ([A-Z][A-Z0-9]*_[A-Z0-9_]+) \*\//g)].map((m) => m[1] ?? m[2]));
  const given = Object.keys(names);
  if (has.size !== given.length || !given.every((n) => has.has(n))) {
    throw new Error(`scripts/${script} has the placeholders ${[...has].join(', ')}, not ${given.join(', ')}`);
  }
  // In a comment, the placeholder takes the empty value after it (`/* FILES */ []`) with it.
  const marked = (name) => new RegExp(`(?<=')(?:\\./)?${name}(?=')|/\\* ${name} \\*/(?: \\[\\])?`, 'g');
  return given.reduce((t, name) => t.replace(marked(name), (m) => (m.startsWith('./') ? './' : '') + names[name]), text);
}

/** Writes `text` into `dir` as `<stem>-<hash><ext>` and returns that name. */
export function writeHashed(dir, stem, ext, text) {
  const name = `${stem}-${sha(text).slice(0, 16)}${ext}`;
  fs.writeFileSync(path.join(dir, name), text);
  return name;
}

/** Renames a file of `dir` to carry its content's hash (`<stem>-<hash>.<ext>`); returns the name. */
export function renameHashed(dir, file, what) {
  const from = path.join(dir, file);
  if (!fs.existsSync(from)) throw new Error(`${what} is missing from the build`);
  const dot = file.lastIndexOf('.');
  const name = `${file.slice(0, dot)}-${sha(fs.readFileSync(from)).slice(0, 16)}${file.slice(dot)}`;
  fs.renameSync(from, path.join(dir, name));
  return name;
}
