import '@testing-library/jest-dom/vitest';
import { i18n } from './i18n';

// The tests have every area's texts at once (the app loads them with their pages).
for (const [file, module] of Object.entries(import.meta.glob<Record<string, Record<string, unknown>>>(['./i18n/sv/*.ts', './i18n/en/*.ts'], { eager: true }))) {
  const [, language, area] = /\.\/i18n\/(sv|en)\/([a-z-]+)\.ts$/.exec(file)!;
  i18n.addResourceBundle(language, area, module[area], true, true);
}

// Designsystemet's Spinner animates through getAnimations, which happy-dom lacks.
document.getAnimations ??= () => [];
