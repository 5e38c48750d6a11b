/**
 * Warm-up, several runs, min and median: the figures every benchmark prints. The minimum finds the
 * quiet moments of a shared machine, the median says what a run usually costs.
 */
export interface Summary {
	min: number;
	median: number;
	runs: number;
}

export function summarize(values: number[]): Summary {
	if (values.length === 0) throw new Error('summarize needs at least one value');
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	return { min: sorted[0], median, runs: sorted.length };
}

/**
 * Runs `step` `warmUp` times unmeasured, then `runs` times, and returns what each measured run
 * reported (one figure or several, by name), so several figures of one run stay together.
 */
export async function repeat<F extends Record<string, number>>(
	counts: { warmUp: number; runs: number },
	step: (run: number) => Promise<F>,
): Promise<Record<keyof F, Summary>> {
	for (let round = 0; round < counts.warmUp; round++) await step(-1 - round);
	const measured: F[] = [];
	for (let run = 0; run < counts.runs; run++) measured.push(await step(run));
	const names = Object.keys(measured[0] ?? {}) as Array<keyof F>;
	return Object.fromEntries(names.map((name) => [name, summarize(measured.map((figures) => figures[name]))])) as Record<keyof F, Summary>;
}

/** `min 12.3 / median 14.0 ms`; whole numbers (request counts, bytes) print without decimals. */
export function formatSummary(summary: Summary, unit = '', digits = 1): string {
	const show = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(digits));
	return `min ${show(summary.min)} / median ${show(summary.median)}${unit ? ` ${unit}` : ''}`;
}

/** CPU milliseconds (user + system) this process spends in `step`: the node's work, not the sandbox's. */
export async function cpuMillisecondsOf<T>(step: () => Promise<T>): Promise<{ result: T; cpuMs: number; wallMs: number }> {
	const cpuBefore = process.cpuUsage();
	const started = process.hrtime.bigint();
	const result = await step();
	const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
	const cpu = process.cpuUsage(cpuBefore);
	return { result, cpuMs: (cpu.user + cpu.system) / 1000, wallMs };
}

/** Runs and warm-ups from the environment (BENCH_RUNS, BENCH_WARM_UP), else the bench's own. */
export function runCounts(defaults: { warmUp: number; runs: number }): { warmUp: number; runs: number } {
	const fromEnv = (name: string, fallback: number) => {
		const value = Number(process.env[name]);
		return Number.isInteger(value) && value >= 0 ? value : fallback;
	};
	return { warmUp: fromEnv('BENCH_WARM_UP', defaults.warmUp), runs: Math.max(1, fromEnv('BENCH_RUNS', defaults.runs)) };
}

export function print(line: string): void {
	process.stdout.write(`${line}\n`);
}
