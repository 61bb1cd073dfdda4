/** How the codec names the app's classes and code values; the run-time fills it from the app's modules. */
export interface CodeRegistry {
  /** Key of a registered class prototype (instances are encoded with it); undefined when not registered. */
  keyOfPrototype(proto: object): string | undefined;
  /** The prototype registered under a key on this side, undefined when unknown here. */
  prototypeOf(key: string): object | undefined;
  /** Key of a registered function or class used as a value (a class as `this` of a static method, a top-level function held in data). */
  keyOfFunction(fn: Function): string | undefined;
  functionOf(key: string): Function | undefined;
}
