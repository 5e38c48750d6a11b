/**
 * Harvest Invoicing Trigger over an account of 10,000 invoices: the baseline (first activation),
 * a poll with one change, and a quiet poll, with and without overdue watching. Prints requests,
 * time and the stored snapshot's size (total and per 1,000 invoices). Figures, not assertions.
 */
import { ALL_EVENTS } from '../unit/trigger/fixtures';
import { ActiveTrigger, DAY, MINUTE, harvestUser, triggerRequests } from '../node/trigger/triggerHarness';
import { releaseCoreTimers } from '../node/harness/releaseCoreTimers';
import { startSandbox } from '../sandbox';

const INVOICES = 10_000;

test('trigger polls over 10,000 invoices', async () => {
	const sandbox = await startSandbox({ invoices: INVOICES, throttle: false });
	const measure = async (label: string, step: () => Promise<unknown>) => {
		sandbox.clearRequests();
		const started = process.hrtime.bigint();
		await step();
		const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
		process.stdout.write(`  ${label}: ${triggerRequests(sandbox).length} requests, ${milliseconds.toFixed(0)} ms\n`);
	};
	try {
		for (const [name, events] of [
			['all events but overdue', ALL_EVENTS.filter((event) => event !== 'overdue')],
			['all events', ALL_EVENTS],
		] as const) {
			sandbox.reset({ invoices: INVOICES, throttle: false });
			const trigger = new ActiveTrigger(sandbox, { events: [...events] });
			process.stdout.write(`trigger, ${name}:\n`);
			await measure('baseline (first activation)', async () => await trigger.activate());
			const bytes = Buffer.byteLength(JSON.stringify(trigger.stored()));
			process.stdout.write(
				`  snapshot: ${(bytes / 1024).toFixed(0)} KiB for ${INVOICES} invoices (${((bytes / INVOICES) * 1000 / 1024).toFixed(1)} KiB per 1,000)\n`,
			);
			sandbox.advanceClock(MINUTE);
			await harvestUser(sandbox).createDraft();
			await measure('poll with one new invoice', async () => await trigger.poll());
			sandbox.advanceClock(MINUTE);
			await measure('quiet poll', async () => await trigger.poll());
			// A day on, every invoice is stored aged (a few bytes each, see trigger/agedEntries.ts).
			sandbox.advanceClock(2 * DAY);
			await harvestUser(sandbox).createDraft();
			await measure('poll two days later', async () => await trigger.poll());
			const aged = Buffer.byteLength(JSON.stringify(trigger.stored()));
			process.stdout.write(
				`  snapshot two days later: ${(aged / 1024).toFixed(0)} KiB (${((aged / INVOICES) * 1000 / 1024).toFixed(1)} KiB per 1,000)\n`,
			);
		}
	} finally {
		releaseCoreTimers();
		await sandbox.stop();
	}
}, 300_000);
