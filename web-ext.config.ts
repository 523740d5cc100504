import { defineWebExtConfig } from 'wxt';

// `npm start` opens the browser itself (scripts/start.ts) with replica portal pages; WXT's dev runner would
// try to open a window on machines without a display.
export default defineWebExtConfig({ disabled: true });
