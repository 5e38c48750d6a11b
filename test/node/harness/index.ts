export { runDeclarativeNode, type RunNodeOptions } from './runNode';
export { createPoller, type PollerOptions } from './pollNode';
export { sandboxCredentials } from './sandboxCredentials';
