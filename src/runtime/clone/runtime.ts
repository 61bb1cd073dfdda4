/** The clone side of the run-time in one worker: the `__cc$` global that transformed modules register with. */
import type { ModuleHandle, PointHandle, RuntimeGlobal } from '../global.js';
import type { RuntimePlan } from '../plan.js';
import { memberOf, Registry } from '../registry.js';

export class CloneRuntime implements RuntimeGlobal {
  readonly L = Symbol('clonecloud.local');
  readonly registry = new Registry();

  constructor(
    readonly plan: RuntimePlan,
    /**
     * Loads the build's module of a module key (src/graph.ts), if there is one: true when it is
     * loaded after, else why not. The worker loads the modules of migration points and carried bindings first;
     * a class those modules name only as a type is not imported with them, yet its instances come
     * with calls, so its module is loaded the first time one does.
     */
    readonly loadModule: (moduleKey: string) => Promise<true | string> = async () => 'the clone loads no modules',
    /** The app folder, whose paths in the stack of an error a call throws become the device's (../stacks.ts). */
    readonly appDir?: string,
  ) {}

  mod(moduleKey: string): ModuleHandle {
    return this.registry.module(moduleKey);
  }

  /** The clone's modules have no wrappers: a migration point reached here is a plain call. */
  point(): PointHandle {
    throw new Error('a device module was loaded on the clone');
  }

  member(holder: object, part?: string): Function {
    return memberOf(holder, part);
  }
}
