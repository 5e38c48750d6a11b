/**
 * The e2e suite (`npm run test:e2e`): the packed package in a real n8n. Slow by nature: the first
 * run installs n8n (minutes), every run builds and packs the package and starts n8n processes.
 * One worker: the tests drive whole n8n processes on a 2-core machine.
 */
const path = require('path');

module.exports = {
	rootDir: path.resolve(__dirname, '..', '..'),
	roots: ['<rootDir>/test/e2e'],
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	reporters: ['default', '<rootDir>/test/summaryReporter.js'],
	// Also the default for beforeAll/afterAll, where the install, build and n8n start-ups happen.
	testTimeout: 15 * 60_000,
	maxWorkers: 1,
};
