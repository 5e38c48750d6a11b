/**
 * Benchmarks: each *.bench.ts prints figures (time, requests, memory) and asserts nothing about
 * speed. Run with `npm run bench`; one at a time so the figures don't disturb each other.
 */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/bench/**/*.bench.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	testTimeout: 600000,
	maxWorkers: 1,
	verbose: false,
};
