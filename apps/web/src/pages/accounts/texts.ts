import { i18n } from '../../i18n';
import { accounts as en } from '../../i18n/en/accounts';
import { accounts as sv } from '../../i18n/sv/accounts';

/**
 * The accounts area's texts come with its pages, not with the first page of the app: they are about 6 KB
 * gzipped, and the initial JavaScript has a budget (docs/performance.md). Every module of the area imports
 * this one first.
 */
if (!i18n.hasResourceBundle('sv', 'accounts')) {
  i18n.addResourceBundle('sv', 'accounts', sv);
  i18n.addResourceBundle('en', 'accounts', en);
}
