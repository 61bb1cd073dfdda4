/**
 * The wire format of the run-time: object graphs with identity (device → clone), the changes a
 * call made (clone → device), applied in place by identity. See each module for its part.
 */
export type { CodeRegistry } from './registry.js';
export { Uncrossable, UnknownKey, WireError } from './errors.js';
export { encodeRequest, decodeRequest } from './request.js';
export { encodeReply, decodeReply } from './reply.js';
export { snapshot, Snapshot } from './state.js';
