/**
 * Decoding one page of 50 invoices: v1 JSON, v1 XML and v2 JSON, from the body text as the sandbox
 * sends it to the records items are built from (JSON.parse included, so all start from text).
 * Prints min and median per page after a warm-up, and the ratios to v1 JSON. Figures, not assertions.
 * Run alone: npm run bench -- test/bench/xmlDecode.bench.ts
 */
import { decodeHarvestBody } from '../../nodes/HarvestInvoicing/transport/v1/records';
import { decodeV2Body } from '../../nodes/HarvestInvoicing/transport/v2/records';
import { harvest, harvestV2 } from '../sandbox/testing/client';
import { startSandboxProcess } from './sandboxProcess';
import { formatSummary, print, runCounts, summarize, type Summary } from './stats';

const WARM_UP_ROUNDS = 300;
const { runs: RUNS } = runCounts({ warmUp: 0, runs: 25 });
const PAGES_PER_RUN = 20;

const DECODERS = {
	'v1 json': (text: string) => decodeHarvestBody(text, 'json'),
	'v1 xml': (text: string) => decodeHarvestBody(text, 'xml'),
	'v2 json': (text: string) => decodeV2Body(text, '/v2/invoices'),
};
type Wire = keyof typeof DECODERS;
const WIRES = Object.keys(DECODERS) as Wire[];

/**
 * Microseconds per page for each run of PAGES_PER_RUN decodes. The wires take turns, so all meet
 * the same load on a shared machine; short runs let the minimum find quiet moments.
 */
function timePerPage(pages: Record<Wire, string>): Record<Wire, Summary> {
	for (const wire of WIRES) for (let round = 0; round < WARM_UP_ROUNDS; round++) DECODERS[wire](pages[wire]);
	const runs: Record<Wire, number[]> = { 'v1 json': [], 'v1 xml': [], 'v2 json': [] };
	for (let run = 0; run < RUNS; run++) {
		for (const wire of WIRES) {
			const started = process.hrtime.bigint();
			for (let page = 0; page < PAGES_PER_RUN; page++) DECODERS[wire](pages[wire]);
			runs[wire].push(Number(process.hrtime.bigint() - started) / 1e3 / PAGES_PER_RUN);
		}
	}
	return Object.fromEntries(WIRES.map((wire) => [wire, summarize(runs[wire])])) as Record<Wire, Summary>;
}

test('decode of one 50-invoice page: v1 JSON, v1 XML, v2 JSON', async () => {
	const sandbox = await startSandboxProcess({ invoices: 50 });
	let pages: Record<Wire, string>;
	try {
		pages = {
			'v1 json': (await harvest(sandbox, { format: 'json' }).get('/invoices?page=1')).text,
			'v1 xml': (await harvest(sandbox, { format: 'xml' }).get('/invoices?page=1')).text,
			'v2 json': (await harvestV2(sandbox).get('/invoices?per_page=50')).text,
		};
	} finally {
		await sandbox.stop();
	}
	const figures = timePerPage(pages);
	print(`decode per 50-invoice page (${WARM_UP_ROUNDS} warm-up decodes, ${RUNS} runs of ${PAGES_PER_RUN} pages):`);
	for (const wire of WIRES) {
		print(
			`  ${wire}: ${DECODERS[wire](pages[wire]).records.length} invoices, ${(pages[wire].length / 1024).toFixed(0)} KB, ` +
				`${formatSummary(figures[wire], 'us/page', 0)}`,
		);
	}
	const json = figures['v1 json'];
	for (const wire of ['v1 xml', 'v2 json'] as const) {
		print(`  ${wire} / v1 json: min ${(figures[wire].min / json.min).toFixed(2)}x, median ${(figures[wire].median / json.median).toFixed(2)}x`);
	}
});
