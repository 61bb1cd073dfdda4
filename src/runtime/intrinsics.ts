/**
 * The built-ins the run-time reads and writes app values with, taken when the run-time loads,
 * before any module of the app: an app may replace `Object.keys` or `Reflect.ownKeys` (a polyfill,
 * a patch that hides keys), and a call must still be sent and applied as the language has it.
 * Prototype methods (`Array.prototype.map` and the like) are not taken: the codec calls them on
 * its own arrays.
 */
export const O = Object.freeze({
  create: Object.create,
  defineProperty: Object.defineProperty,
  freeze: Object.freeze,
  getOwnPropertyDescriptor: Object.getOwnPropertyDescriptor,
  getOwnPropertyNames: Object.getOwnPropertyNames,
  getOwnPropertySymbols: Object.getOwnPropertySymbols,
  getPrototypeOf: Object.getPrototypeOf,
  is: Object.is,
  isExtensible: Object.isExtensible,
  isFrozen: Object.isFrozen,
  isSealed: Object.isSealed,
  keys: Object.keys,
  preventExtensions: Object.preventExtensions,
  seal: Object.seal,
  setPrototypeOf: Object.setPrototypeOf,
});

export const R = Object.freeze({
  apply: Reflect.apply,
  construct: Reflect.construct,
  ownKeys: Reflect.ownKeys,
});

export const { isArray } = Array;
