/**
 * What the app's transformed modules register, on either side: classes and top-level functions
 * by key (so instances keep their class and code values cross by name, CloneCloud's class
 * registry), module bindings by (file, name), and, on the clone, the entries of migration points.
 */
import type { BindingAccessor, EntrySpec, ModuleHandle } from './global.js';
import type { CodeRegistry } from './wire/index.js';

export class Registry implements CodeRegistry {
  private readonly protoKeys = new Map<object, string>();
  private readonly protos = new Map<string, object>();
  private readonly fnKeys = new Map<Function, string>();
  private readonly fns = new Map<string, Function>();
  private readonly bindings = new Map<string, BindingAccessor>();
  readonly entries = new Map<string, EntrySpec & { moduleKey: string }>();

  module(moduleKey: string): ModuleHandle {
    return {
      cls: <T extends Function>(key: string, cls: T): T => {
        const full = `${moduleKey}#${key}`;
        const proto = (cls as unknown as { prototype?: object }).prototype;
        if (proto) {
          this.protoKeys.set(proto, full);
          this.protos.set(full, proto);
        }
        this.fnKeys.set(cls, full);
        this.fns.set(full, cls);
        return cls;
      },
      fn: (key, fn) => {
        const full = `${moduleKey}#${key}`;
        if (typeof fn !== 'function') return;
        this.fnKeys.set(fn, full);
        this.fns.set(full, fn);
      },
      bind: (bindings) => {
        for (const [name, accessor] of Object.entries(bindings)) this.bindings.set(`${moduleKey}#${name}`, accessor);
      },
      entry: (id, spec) => {
        this.entries.set(id, { ...spec, moduleKey });
      },
    };
  }

  binding(file: string, name: string): BindingAccessor | undefined {
    return this.bindings.get(`${file}#${name}`);
  }

  classByKey(key: string): Function | undefined {
    return this.fns.get(key);
  }

  keyOfPrototype(proto: object): string | undefined {
    return this.protoKeys.get(proto);
  }

  prototypeOf(key: string): object | undefined {
    return this.protos.get(key);
  }

  keyOfFunction(fn: Function): string | undefined {
    return this.fnKeys.get(fn);
  }

  functionOf(key: string): Function | undefined {
    return this.fns.get(key);
  }
}

/** The function an object-literal member holds (lifted copies of methods and accessors). */
export function memberOf(holder: object, part?: string): Function {
  const [key] = Reflect.ownKeys(holder);
  const d = Object.getOwnPropertyDescriptor(holder, key!)!;
  const fn = part === 'get' ? d.get : part === 'set' ? d.set : d.value;
  if (typeof fn !== 'function') throw new TypeError('not a function member');
  return fn;
}
