/**
 * The custom elements of Designsystemet that Samverka's pages use. Its React components import the whole
 * of `@digdir/designsystemet-web` for its side effect of defining every element, which brings floating-ui,
 * a combobox and tabs (about 28 KB gzipped) to any page with a form field. vite.config.ts points that
 * import here instead. Using a component whose element is not listed (Dialog, Popover, Tooltip,
 * Suggestion, Tabs, Pagination, Breadcrumbs) means adding its element here.
 */
import '@digdir/designsystemet-web/clickdelegatefor';
import '@digdir/designsystemet-web/details';
import '@digdir/designsystemet-web/ds-error-summary';
import '@digdir/designsystemet-web/ds-field';
import '@digdir/designsystemet-web/fieldset';
import '@digdir/designsystemet-web/readonly';

// Named by the React package's usePagination (kept out of the bundle unless a page paginates with it).
export { pagination } from '@digdir/designsystemet-web/ds-pagination';
