/**
 * Decoding one page of 50 invoices, JSON vs XML: the body text as the sandbox sends it, in, the
 * records items are built from, out (JSON.parse included, so both start from text). Prints min and
 * median per page after a warm-up, and the XML/JSON ratio. Figures, not assertions.
 * Run: npm run bench -- test/bench/xmlDecode.bench.ts
 */
import { decodeHarvestBody } from '../../nodes/HarvestInvoicing/transport/v1/records';
import { startSandbox } from '../sandbox';
import { harvest } from '../sandbox/testing/client';

const WARM_UP_ROUNDS = 300;
const RUNS = 25;
const PAGES_PER_RUN = 20;

type Format = 'json' | 'xml';

/**
 * Microseconds per page for each run of PAGES_PER_RUN decodes, sorted. JSON and XML runs take turns,
 * so both meet the same load on a shared machine; short runs let the minimum find quiet moments.
 */
function timePerPage(pages: Record<Format, string>): Record<Format, number[]> {
	const formats: Format[] = ['json', 'xml'];
	for (const format of formats) for (let round = 0; round < WARM_UP_ROUNDS; round++) decodeHarvestBody(pages[format], format);
	const runs: Record<Format, number[]> = { json: [], xml: [] };
	for (let run = 0; run < RUNS; run++) {
		for (const format of formats) {
			const started = process.hrtime.bigint();
			for (let page = 0; page < PAGES_PER_RUN; page++) decodeHarvestBody(pages[format], format);
			runs[format].push(Number(process.hrtime.bigint() - started) / 1e3 / PAGES_PER_RUN);
		}
	}
	for (const format of formats) runs[format].sort((a, b) => a - b);
	return runs;
}

test('XML vs JSON decode of one 50-invoice page', async () => {
	const sandbox = await startSandbox({ invoices: 50, throttle: false });
	let pages: Record<Format, string>;
	try {
		pages = {
			json: (await harvest(sandbox, { format: 'json' }).get('/invoices?page=1')).text,
			xml: (await harvest(sandbox, { format: 'xml' }).get('/invoices?page=1')).text,
		};
	} finally {
		await sandbox.stop();
	}
	const figures = timePerPage(pages);
	const min = (format: Format) => figures[format][0];
	const median = (format: Format) => figures[format][Math.floor(RUNS / 2)];
	for (const format of ['json', 'xml'] as const) {
		process.stdout.write(
			`xmlDecode ${format}: ${decodeHarvestBody(pages[format], format).records.length} invoices, ${(pages[format].length / 1024).toFixed(0)} KB, ` +
				`min ${min(format).toFixed(0)} us/page, median ${median(format).toFixed(0)} us/page\n`,
		);
	}
	process.stdout.write(`xmlDecode xml/json: min ${(min('xml') / min('json')).toFixed(2)}x, median ${(median('xml') / median('json')).toFixed(2)}x\n`);
});
