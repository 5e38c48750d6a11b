/**
 * Invoice > Get Many with Return All over 10,000 invoices, in both data formats: prints the wall
 * time, the number of requests the sandbox received, and the heap growth. Figures, not assertions.
 * Run: npm run bench
 */
import { HarvestInvoicing } from '../../nodes/HarvestInvoicing/HarvestInvoicing.node';
import { runDeclarativeNode, sandboxCredentials } from '../node/harness';
import { releaseCoreTimers } from '../node/harness/releaseCoreTimers';
import { startSandbox } from '../sandbox';

const INVOICES = 10_000;

test('Return All over 10,000 invoices', async () => {
	const sandbox = await startSandbox({ invoices: INVOICES, throttle: false });
	try {
		for (const dataFormat of ['json', 'xml'] as const) {
			sandbox.clearRequests();
			global.gc?.();
			const heapBefore = process.memoryUsage().heapUsed;
			const started = process.hrtime.bigint();
			const items = await runDeclarativeNode(new HarvestInvoicing(), {
				parameters: { resource: 'invoice', operation: 'getAll', returnAll: true },
				credentials: sandboxCredentials(sandbox, { dataFormat }),
			});
			const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
			const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
			process.stdout.write(
				`returnAll ${dataFormat}: ${items.length} invoices, ${sandbox.requests().length} requests, ` +
					`${milliseconds.toFixed(0)} ms (${((milliseconds / items.length) * 1000).toFixed(1)} us/invoice), heap +${heapMiB.toFixed(1)} MiB\n`,
			);
		}
	} finally {
		releaseCoreTimers();
		await sandbox.stop();
	}
});
