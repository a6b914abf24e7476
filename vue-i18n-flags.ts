/**
 * vue-i18n's compile-time switches, shared by the app build and the unit tests:
 * Composition API only, and messages compiled without eval (the CSP forbids it).
 */
export const vueI18nFlags = {
  __VUE_I18N_FULL_INSTALL__: 'true',
  __VUE_I18N_LEGACY_API__: 'false',
  __INTLIFY_PROD_DEVTOOLS__: 'false',
  __INTLIFY_JIT_COMPILATION__: 'true',
  __INTLIFY_DROP_MESSAGE_COMPILER__: 'false'
}
