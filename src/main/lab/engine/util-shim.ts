/**
 * tfjs-node 4.22 calls util.isNullOrUndefined and its kin, which Node 23
 * removed (tensorflow/tfjs#8609); Electron 41 runs Node 24. So before tfjs-node
 * loads, the removed checks are put back, with their documented meaning. Where
 * Node still has them (Node 20), nothing changes.
 */
import * as util from 'node:util'

const removedChecks: Record<string, (value: unknown) => boolean> = {
  isArray: (value) => Array.isArray(value),
  isBoolean: (value) => typeof value === 'boolean',
  isNull: (value) => value === null,
  isNullOrUndefined: (value) => value === null || value === undefined,
  isNumber: (value) => typeof value === 'number',
  isString: (value) => typeof value === 'string',
  isSymbol: (value) => typeof value === 'symbol',
  isUndefined: (value) => value === undefined,
  isObject: (value) => value !== null && typeof value === 'object',
  isFunction: (value) => typeof value === 'function',
  isPrimitive: (value) =>
    value === null || (typeof value !== 'object' && typeof value !== 'function')
}

/** Adds whichever of the removed util checks this Node lacks; returns their names. */
export function restoreRemovedUtilChecks(target: object = util): string[] {
  // The ESM namespace is frozen; tfjs-node requires the CommonJS object, which is not.
  const module = ((target as { default?: object }).default ?? target) as Record<string, unknown>
  const added: string[] = []
  for (const [name, check] of Object.entries(removedChecks)) {
    if (typeof module[name] === 'function') continue
    module[name] = check
    added.push(name)
  }
  return added
}
