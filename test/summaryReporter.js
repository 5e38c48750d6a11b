/**
 * Prints one plain closing line, "tests: N passed, N failed, N skipped", after Jest's own summary,
 * so CI logs end with a count any reader (or tool) can pick up.
 */
class SummaryReporter {
	onRunComplete(_contexts, results) {
		const skipped = results.numPendingTests + results.numTodoTests;
		process.stdout.write(
			`tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`,
		);
	}
}
module.exports = SummaryReporter;
