/**
 * Prints one plain closing line, "tests: N passed, N failed, N skipped", as the very last line of
 * a run (Jest prints its own summary after custom reporters, hence the wait for process exit),
 * so CI logs end with a count any reader or tool can pick up.
 */
class SummaryReporter {
	onRunComplete(_contexts, results) {
		const skipped = results.numPendingTests + results.numTodoTests;
		const line = `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`;
		process.once('exit', () => process.stdout.write(line));
	}
}
module.exports = SummaryReporter;
