/**
 * The bookkeeping of one write run over many items (transport/runLedger.ts): every item joins,
 * is checked, waits for the others, then is applied. Prints the CPU time of the whole run, for
 * sizes up to 10,000 items. Figures, not assertions. It used to grow with the cube of the items
 * (every change woke every waiting item, which looked at every item): 24 s at 1,000 items.
 */
import { RunLedger } from '../../nodes/HarvestInvoicing/transport/runLedger';
import { print } from './stats';

async function oneRun(items: number): Promise<number> {
	const started = process.hrtime.bigint();
	const ledger = new RunLedger(() => undefined);
	for (let index = 0; index < items; index++) ledger.join(index);
	await Promise.all(
		Array.from({ length: items }, async (_, index) => {
			// Each item's checks end in their own turn of the event loop, as after a request.
			await new Promise((resolve) => setImmediate(resolve));
			ledger.record(index, { state: 'prepared' });
			await ledger.allChecked();
			ledger.record(index, { state: 'applied', summary: `payment ${index}` });
		}),
	);
	return Number(process.hrtime.bigint() - started) / 1e6;
}

test('run ledger over 1,000 and 10,000 items', async () => {
	await oneRun(100);
	const lines = [];
	for (const items of [1_000, 10_000]) lines.push(`run ledger, ${items} items: ${(await oneRun(items)).toFixed(1)} ms`);
	print(lines.join('\n'));
});
