import '@testing-library/jest-dom/vitest';
import './i18n';

// Designsystemet's Spinner animates through getAnimations, which happy-dom lacks.
document.getAnimations ??= () => [];
