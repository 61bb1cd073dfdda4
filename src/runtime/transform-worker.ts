/**
 * The transform for CommonJS modules, which load synchronously: on a cache miss the loading
 * thread waits (synckit) while this helper thread, which loaded TypeScript once, transforms.
 */
import { runAsWorker } from 'synckit';
import { transformModule, type TransformPlan } from './transform/index.js';

runAsWorker((file: string, text: string, appDir: string, plan: TransformPlan) => transformModule(file, text, appDir, plan)?.code);
