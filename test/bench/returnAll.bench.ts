/**
 * Invoice > Get Many with Return All over 10,000 invoices. First without a throttle (v1 JSON, v1 XML,
 * v2): requests, CPU ms of this process (the sandbox runs in its own) and wall time. Then under the
 * sandbox's real throttle (Harvest's 100 requests per 15 s) with the node pacing itself as it does by
 * default, on v1 JSON and v2: wall time against the rate-limit floor (requests x 15 / 100 s) and
 * throttled answers. Figures, not assertions.
 * Run alone: npm run bench -- test/bench/returnAll.bench.ts (BENCH_RUNS, BENCH_THROTTLED_RUNS, BENCH_WARM_UP)
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { HarvestInvoicing } from '../../nodes/HarvestInvoicing/HarvestInvoicing.node';
import { HARVEST_RATE_LIMIT, setHarvestRateLimit } from '../../nodes/HarvestInvoicing/transport/rateBudget';
import { runDeclarativeNode, sandboxCredentials, sandboxV2Credentials } from '../node/harness';
import { releaseCoreTimers } from '../node/harness/releaseCoreTimers';
import type { SandboxAddress } from '../sandbox/testing/client';
import { startSandboxProcess, type SandboxProcess } from './sandboxProcess';
import { cpuMillisecondsOf, formatSummary, print, repeat, runCounts } from './stats';

const INVOICES = 10_000;
const UNTHROTTLED = runCounts({ warmUp: 1, runs: 3 });
const THROTTLED_RUNS = Number(process.env.BENCH_THROTTLED_RUNS ?? 2);
const THROTTLE = { limit: HARVEST_RATE_LIMIT.limit, windowSeconds: HARVEST_RATE_LIMIT.windowMs / 1000 };

const WIRES: Record<string, (sandbox: SandboxAddress) => ICredentialDataDecryptedObject> = {
	'v1 json': (sandbox) => sandboxCredentials(sandbox, { dataFormat: 'json' }),
	'v1 xml': (sandbox) => sandboxCredentials(sandbox, { dataFormat: 'xml' }),
	v2: (sandbox) => sandboxV2Credentials(sandbox),
};

async function returnAll(sandbox: SandboxProcess, wire: string) {
	await sandbox.clearRequests();
	const { result: items, cpuMs, wallMs } = await cpuMillisecondsOf(
		async () =>
			await runDeclarativeNode(new HarvestInvoicing(), {
				parameters: { resource: 'invoice', operation: 'getAll', returnAll: true },
				credentials: WIRES[wire](sandbox),
			}),
	);
	const log = await sandbox.requests();
	const throttled = log.filter((request) => request.status === 503 || request.status === 429).length;
	return { items: items.length, requests: log.length, throttled, cpuMs, wallMs };
}

test(`Return All over ${INVOICES} invoices, unthrottled and under Harvest's throttle`, async () => {
	const sandbox = await startSandboxProcess({ invoices: INVOICES });
	try {
		print(`returnAll, no throttle, no pacing (${UNTHROTTLED.warmUp} warm-up, ${UNTHROTTLED.runs} runs):`);
		setHarvestRateLimit(false);
		for (const wire of Object.keys(WIRES)) {
			const figures = await repeat(UNTHROTTLED, async () => await returnAll(sandbox, wire));
			print(
				`  ${wire}: ${figures.items.median} invoices, ${figures.requests.median} requests; CPU ${formatSummary(figures.cpuMs, 'ms', 0)}; ` +
					`wall ${formatSummary(figures.wallMs, 'ms', 0)}`,
			);
		}
		print(`returnAll under the throttle (${THROTTLE.limit} per ${THROTTLE.windowSeconds} s), the node pacing at Harvest's limit (${THROTTLED_RUNS} runs):`);
		for (const wire of ['v1 json', 'v2']) {
			const figures = await repeat({ warmUp: 0, runs: THROTTLED_RUNS }, async () => {
				// Each run starts with a fresh budget on both sides, as after a quiet quarter of a minute.
				await sandbox.setThrottle(THROTTLE);
				setHarvestRateLimit(HARVEST_RATE_LIMIT);
				const run = await returnAll(sandbox, wire);
				const floorMs = ((run.requests * THROTTLE.windowSeconds) / THROTTLE.limit) * 1000;
				return { ...run, floorMs, ratio: run.wallMs / floorMs };
			});
			print(
				`  ${wire}: ${figures.requests.median} requests; wall ${formatSummary(figures.wallMs, 'ms', 0)}; ` +
					`floor ${(figures.floorMs.median / 1000).toFixed(1)} s; ratio ${formatSummary(figures.ratio, 'x floor', 2)}; ` +
					`throttled answers ${formatSummary(figures.throttled)}; CPU ${formatSummary(figures.cpuMs, 'ms', 0)}`,
			);
		}
	} finally {
		setHarvestRateLimit(false);
		releaseCoreTimers();
		await sandbox.stop();
	}
});
