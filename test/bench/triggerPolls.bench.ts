/**
 * Harvest Invoicing Trigger over accounts of 1,000, 10,000 and 50,000 invoices, on v1 JSON and on
 * v2: the baseline (first activation), then quiet polls (nothing changed) and busy polls (20 changes
 * each), and quiet polls again two days on, when every invoice is stored aged. Prints min and median
 * of the requests, the CPU ms of this process around the poll (the sandbox runs in its own process,
 * so its work is not counted) and the stored state's bytes. Figures, not assertions.
 * Run alone: npm run bench -- test/bench/triggerPolls.bench.ts (BENCH_RUNS, BENCH_WARM_UP, BENCH_SIZES=1000,10000)
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { setHarvestRateLimit } from '../../nodes/HarvestInvoicing/transport/rateBudget';
import { releaseCoreTimers } from '../node/harness/releaseCoreTimers';
import { ActiveTrigger, DAY, MINUTE } from '../node/trigger/triggerHarness';
import { V1_JSON, V2, type Wire } from '../node/trigger/wires';
import { ALL_EVENTS } from '../unit/trigger/fixtures';
import { makeChanges } from './harvestChanges';
import { startSandboxProcess, type SandboxProcess } from './sandboxProcess';
import { cpuMillisecondsOf, formatSummary, print, repeat, runCounts, type Summary } from './stats';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
const WIRES: Wire[] = [V1_JSON, V2];
const BUSY_CHANGES = 20;
const COUNTS = runCounts({ warmUp: 1, runs: 5 });

interface PollFigures extends Record<string, number> {
	requests: number;
	cpuMs: number;
	stateBytes: number;
	events: number;
}

/** One poll: the requests the sandbox logged for it (the trigger only reads), CPU here, state after. */
async function measuredPoll(sandbox: SandboxProcess, trigger: ActiveTrigger, poll: () => Promise<INodeExecutionData[][] | null>): Promise<PollFigures> {
	await sandbox.clearRequests();
	const { result, cpuMs } = await cpuMillisecondsOf(poll);
	const requests = (await sandbox.requests()).filter((request) => request.method === 'GET').length;
	const stateBytes = Buffer.byteLength(JSON.stringify(trigger.stored()));
	return { requests, cpuMs, stateBytes, events: result?.[0]?.length ?? 0 };
}

function printPolls(label: string, figures: Record<keyof PollFigures, Summary>): void {
	print(
		`  ${label}: requests ${formatSummary(figures.requests)}; CPU ${formatSummary(figures.cpuMs, 'ms')}; ` +
			`state ${formatSummary(figures.stateBytes, 'bytes')}; events ${formatSummary(figures.events)}`,
	);
}

test('trigger quiet and busy polls at 1k, 10k and 50k invoices, v1 JSON and v2', async () => {
	// The sandbox's throttle is off here: the node's pacing would only add waits, never CPU or requests.
	setHarvestRateLimit(false);
	const sandbox = await startSandboxProcess({ invoices: 0 });
	print(`trigger polls (all events; ${COUNTS.warmUp} warm-up, ${COUNTS.runs} runs each; sandbox in its own process)`);
	try {
		for (const invoices of SIZES) {
			for (const wire of WIRES) {
				await sandbox.reset({ invoices, throttle: false });
				const trigger = new ActiveTrigger(sandbox, { events: [...ALL_EVENTS], wire });
				const baseline = await measuredPoll(sandbox, trigger, async () => await trigger.activate());
				print(
					`trigger ${wire.name}, ${invoices} invoices: baseline ${baseline.requests} requests, CPU ${baseline.cpuMs.toFixed(0)} ms, ` +
						`state ${baseline.stateBytes} bytes (${((baseline.stateBytes / invoices) * 1000 / 1024).toFixed(1)} KiB per 1,000)`,
				);
				const quietPoll = async () => {
					await sandbox.advanceClock(MINUTE);
					return await measuredPoll(sandbox, trigger, async () => await trigger.poll());
				};
				printPolls('quiet poll', await repeat(COUNTS, quietPoll));
				printPolls(
					`busy poll (${BUSY_CHANGES} changes)`,
					await repeat(COUNTS, async () => {
						await makeChanges(sandbox, BUSY_CHANGES);
						await sandbox.advanceClock(MINUTE);
						return await measuredPoll(sandbox, trigger, async () => await trigger.poll());
					}),
				);
				// A day on, every invoice unchanged since is stored aged (a few bytes each, see trigger/agedEntries.ts).
				await sandbox.advanceClock(2 * DAY);
				await trigger.poll();
				const aged = await repeat(COUNTS, quietPoll);
				printPolls('quiet poll two days on', aged);
				print(`  state two days on: ${((aged.stateBytes.median / invoices) * 1000 / 1024).toFixed(1)} KiB per 1,000 invoices`);
			}
		}
	} finally {
		releaseCoreTimers();
		await sandbox.stop();
	}
}, 900_000);
