import type { PartitionProblem } from '../../../src/model/types.js';

export interface GeneratedSpec {
  contexts: number;
  methods: number;
  kind: 'realistic' | 'adversarial';
  nesting: 'static' | 'dynamic';
  seed: number;
}

export function generateProblem(spec: GeneratedSpec): { problem: PartitionProblem; methods: number; pinnedContexts: number };
