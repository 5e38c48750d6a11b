import { sep } from 'node:path';

// Node tests build n8n-core contexts (through the harness or directly, e.g. LoadOptionsContext);
// whichever built n8n-core's SSH cleanup timer, it must not keep the test process alive. Only node
// tests load n8n-core, so other files skip the (slow) import.
afterAll(async () => {
	if (!expect.getState().testPath?.includes(`${sep}test${sep}node${sep}`)) return;
	const { releaseCoreTimers } = await import('./releaseCoreTimers');
	releaseCoreTimers();
});
