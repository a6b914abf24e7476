/**
 * A translation must have exactly the keys of the English catalogue: the
 * compiler checks it through this type, and i18n/catalogue.test.ts checks the
 * assembled catalogues at run time.
 */
export type Catalogue<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> }
