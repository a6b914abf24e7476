/**
 * Printed to the console for every message a page asks for that the catalogue
 * lacks. Shared, so the end-to-end fixture can watch for it.
 */
export const missingKeyWarning = '[i18n] missing message'
