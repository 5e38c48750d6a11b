/**
 * Reading what n8n reports about a run: `n8n execute --rawOutput` prints the run as pretty JSON
 * after its own log lines (the logger writes to stdout too), and the public API returns the same
 * run under `data`. Both have the shape below; only the parts the tests read are typed.
 */

export interface NodeRun {
	executionStatus?: string;
	error?: { message?: string; description?: string | null };
	data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
}

export interface RunData {
	resultData: {
		runData: Record<string, NodeRun[]>;
		lastNodeExecuted?: string;
		error?: { message?: string; description?: string | null; node?: { name?: string } };
	};
}

/** The object `execute` prints: the IRun of the execution. */
export interface ExecutionRun {
	data: RunData;
	status?: string;
	finished?: boolean;
	mode?: string;
}

/**
 * Finds the run in `execute`'s stdout. It is the last top-level JSON object: it starts at a line
 * that is exactly `{` and ends at a line that is exactly `}`. Returns undefined when there is none
 * (n8n failed before running anything).
 */
export function parseExecuteOutput(stdout: string): ExecutionRun | undefined {
	const lines = stdout.split('\n');
	const end = lines.map((line) => line.trimEnd()).lastIndexOf('}');
	if (end < 0) return undefined;
	for (let start = end - 1; start >= 0; start--) {
		if (lines[start].trimEnd() !== '{') continue;
		try {
			const parsed = JSON.parse(lines.slice(start, end + 1).join('\n')) as ExecutionRun;
			if (parsed && typeof parsed === 'object' && parsed.data?.resultData) return parsed;
		} catch {
			// A nested `{` line of the same object: keep walking up to the outermost one.
		}
	}
	return undefined;
}

/** The json of every item the node sent to its first output in its last run. */
export function nodeOutputItems(run: RunData, nodeName: string): Array<Record<string, unknown>> {
	const runs = run.resultData.runData[nodeName];
	if (!runs?.length) {
		const ran = Object.keys(run.resultData.runData).join(', ') || 'none';
		throw new Error(`node "${nodeName}" did not run (nodes that ran: ${ran})`);
	}
	const last = runs[runs.length - 1];
	if (last.error) throw new Error(`node "${nodeName}" failed: ${last.error.message ?? 'unknown error'}`);
	return (last.data?.main?.[0] ?? []).map((item) => item.json);
}

/** The error that stopped the run, if any, in one line. */
export function runError(run: RunData): string | undefined {
	const error = run.resultData.error;
	if (!error) return undefined;
	return [error.node?.name, error.message, error.description].filter(Boolean).join(': ');
}
