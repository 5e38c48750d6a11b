export { runDeclarativeNode, type RunNodeOptions } from './runNode';
export { createPoller, type PollerOptions } from './pollNode';
export { sandboxCredentials, sandboxV2Credentials } from './sandboxCredentials';
