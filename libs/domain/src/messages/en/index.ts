/** The catalogue's areas in English. */
export { common } from './common.js';
export { validation } from './validation.js';
export { request } from './request.js';
export { access } from './access.js';
export { accounts } from './accounts.js';
export { organizations } from './organizations.js';
export { audit } from './audit.js';
export { referenceData } from './reference-data.js';
export { marketplace } from './marketplace.js';
export { matching } from './matching.js';
export { brokering } from './brokering.js';
export { impact } from './impact.js';
export { insights } from './insights.js';
export { notifications } from './notifications.js';
export { importExport } from './import-export.js';
export { ops } from './ops.js';
export { feedback } from './feedback.js';
