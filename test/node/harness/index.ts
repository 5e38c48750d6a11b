export { runDeclarativeNode, type RunNodeOptions } from './runNode';
export { createPoller, type PollerOptions } from './pollNode';
export { sandboxCredentials, sandboxOAuth2Credentials, sandboxV2Credentials } from './sandboxCredentials';
