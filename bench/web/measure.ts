import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The web app's measures, shared by the budget test (test/web/budget.e2e.test.ts), the Lighthouse gate
 * (test/web/lighthouse.e2e.test.ts) and `npm run bench:web`.
 */

/** The initial JavaScript of a page may weigh this much, gzipped. */
export const INITIAL_JS_BUDGET = 200 * 1024;

/** The pages whose first load is measured: the path and the route module it loads lazily. */
export const MEASURED_PAGES = [
  { path: '/', module: 'src/pages/public/StartPage.tsx' },
  { path: '/behov', module: 'src/pages/public/NeedsPage.tsx' },
] as const;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface PageWeight {
  path: string;
  /** Every script the page loads before it shows its content: the entry, its preloads, the route's chunk and its imports. */
  scripts: { file: string; gzip: number }[];
  js: number;
  css: number;
}

export interface BundleFigures {
  pages: PageWeight[];
  /** The entry and its modulepreloads as index.html names them. */
  htmlScripts: string[];
}

const gzipSize = (file: string) => gzipSync(fs.readFileSync(file), { level: 9 }).length;

/**
 * Reads dist/web: index.html's entry script and modulepreloads, and through Vite's build manifest
 * (.vite/manifest.json) the lazy chunk each measured page loads with everything it imports statically.
 */
export function bundleFigures(distWeb: string): BundleFigures {
  const html = fs.readFileSync(path.join(distWeb, 'index.html'), 'utf8');
  const manifestFile = path.join(distWeb, '.vite', 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`${manifestFile} is missing: build.manifest must be on in apps/web/vite.config.ts`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
  const htmlScripts = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g)].map((m) => m[1]);
  const htmlCss = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*\bhref="\/([^"]+\.css)"/g)].map((m) => m[1]);
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry);
  if (!entry) throw new Error('the build manifest has no entry');
  if (!htmlScripts.includes(entry[1].file)) throw new Error(`index.html does not load the manifest's entry ${entry[1].file}`);

  const pages = MEASURED_PAGES.map(({ path: pagePath, module }) => {
    if (!manifest[module]) throw new Error(`the build manifest has no chunk for ${module}`);
    const files = new Set<string>(htmlScripts);
    const css = new Set<string>(htmlCss);
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk) throw new Error(`the build manifest has no chunk ${key}`);
      files.add(chunk.file);
      for (const sheet of chunk.css ?? []) css.add(sheet);
      for (const imported of chunk.imports ?? []) if (!files.has(manifest[imported]?.file)) visit(imported);
    };
    visit(entry[0]);
    visit(module);
    const scripts = [...files].map((file) => ({ file, gzip: gzipSize(path.join(distWeb, file)) }));
    return {
      path: pagePath,
      scripts,
      js: scripts.reduce((sum, s) => sum + s.gzip, 0),
      css: [...css].reduce((sum, file) => sum + gzipSize(path.join(distWeb, file)), 0),
    };
  });
  return { pages, htmlScripts };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface LighthouseFigures {
  url: string;
  performance: number;
  accessibility: number;
  /** Milliseconds, except CLS (unitless). */
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  speedIndex: number;
  /** The audits that cost points, with Lighthouse's own figures, to say why a score is low. */
  failing: string[];
}

/**
 * Lighthouse 12 on `url` in its default mobile emulation with simulated throttling, performance and
 * accessibility, in Debian's Chromium launched by chrome-launcher.
 */
export async function lighthouseOf(url: string): Promise<LighthouseFigures> {
  const { launch } = await import('chrome-launcher');
  const { default: lighthouse } = await import('lighthouse');
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: 'error' });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    const weighted = new Set(Object.values(lhr.categories).flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => r.id)));
    const failing = Object.values(lhr.audits)
      .filter((a) => weighted.has(a.id) && a.score !== null && a.score < 0.9)
      .map((a) => `${a.id}: ${a.displayValue ?? `score ${a.score}`}`);
    return {
      url,
      performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
      fcp: audit('first-contentful-paint'),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      speedIndex: audit('speed-index'),
      failing,
    };
  } finally {
    await chrome.kill();
  }
}

export const describeLighthouse = (f: LighthouseFigures) =>
  `Lighthouse ${f.url}: performance ${f.performance}, accessibility ${f.accessibility}; FCP ${Math.round(f.fcp)} ms, LCP ${Math.round(f.lcp)} ms, TBT ${Math.round(f.tbt)} ms, CLS ${f.cls.toFixed(3)}, Speed Index ${Math.round(f.speedIndex)} ms`;
