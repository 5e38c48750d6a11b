/**
 * Decoding one page of 50 invoices, JSON vs XML: the body text as the sandbox sends it, in, the
 * records items are built from, out (JSON.parse included, so both start from text). Prints min and
 * median per page after a warm-up, and the XML/JSON ratio. Figures, not assertions.
 * Run: npm run bench -- test/bench/xmlDecode.bench.ts
 */
import { decodeHarvestBody } from '../../nodes/HarvestInvoicing/transport/records';
import { startSandbox } from '../sandbox';
import { harvest } from '../sandbox/testing/client';

const WARM_UP_ROUNDS = 200;
const RUNS = 9;
const PAGES_PER_RUN = 200;

/** Microseconds per page for each run of PAGES_PER_RUN decodes. */
function timePerPage(body: string, format: 'json' | 'xml'): number[] {
	for (let round = 0; round < WARM_UP_ROUNDS; round++) decodeHarvestBody(body, format);
	const runs: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		const started = process.hrtime.bigint();
		for (let page = 0; page < PAGES_PER_RUN; page++) decodeHarvestBody(body, format);
		runs.push(Number(process.hrtime.bigint() - started) / 1e3 / PAGES_PER_RUN);
	}
	return runs.sort((a, b) => a - b);
}

test('XML vs JSON decode of one 50-invoice page', async () => {
	const sandbox = await startSandbox({ invoices: 50, throttle: false });
	let pages: Record<'json' | 'xml', string>;
	try {
		pages = {
			json: (await harvest(sandbox, { format: 'json' }).get('/invoices?page=1')).text,
			xml: (await harvest(sandbox, { format: 'xml' }).get('/invoices?page=1')).text,
		};
	} finally {
		await sandbox.stop();
	}
	const figures = { json: timePerPage(pages.json, 'json'), xml: timePerPage(pages.xml, 'xml') };
	const min = (format: 'json' | 'xml') => figures[format][0];
	const median = (format: 'json' | 'xml') => figures[format][Math.floor(RUNS / 2)];
	for (const format of ['json', 'xml'] as const) {
		process.stdout.write(
			`xmlDecode ${format}: ${decodeHarvestBody(pages[format], format).records.length} invoices, ${(pages[format].length / 1024).toFixed(0)} KB, ` +
				`min ${min(format).toFixed(0)} us/page, median ${median(format).toFixed(0)} us/page\n`,
		);
	}
	process.stdout.write(`xmlDecode xml/json: min ${(min('xml') / min('json')).toFixed(2)}x, median ${(median('xml') / median('json')).toFixed(2)}x\n`);
});
