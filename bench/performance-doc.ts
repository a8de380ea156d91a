import fs from 'node:fs';
import path from 'node:path';

/**
 * Puts `body` between the markers `<!-- name:start -->` and `<!-- name:end -->` of docs/performance.md
 * and leaves every other byte of the file as it was (each script owns its own marked section). Creates
 * the file with a "# Performance" heading, and appends the markers to a file that lacks them. Written
 * to a temporary file and renamed, so that nobody reads a half-written file. Returns the file's path.
 */
export function writeMarkedSection(repoRoot: string, name: string, body: string): string {
  const file = path.join(repoRoot, 'docs', 'performance.md');
  const startMarker = `<!-- ${name}:start -->`;
  const endMarker = `<!-- ${name}:end -->`;
  const block = `${startMarker}\n${body.trimEnd()}\n${endMarker}`;
  let next: string;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    next = `# Performance\n\n${block}\n`;
  } else {
    const current = fs.readFileSync(file, 'utf8');
    const start = current.indexOf(startMarker);
    const end = current.indexOf(endMarker);
    if (start === -1 && end === -1) {
      next = `${current}${current.endsWith('\n') ? '' : '\n'}\n${block}\n`;
    } else if (start === -1 || end === -1 || end < start || current.indexOf(startMarker, start + 1) !== -1) {
      throw new Error(`${file}: the ${startMarker} … ${endMarker} markers are unbalanced; fix the file by hand`);
    } else {
      next = current.slice(0, start) + block + current.slice(end + endMarker.length);
    }
  }
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, next);
  fs.renameSync(temporary, file);
  return file;
}
