/** Unit, sandbox and node tests: everything `npm test` runs. The e2e suite has its own config. */
module.exports = {
	rootDir: '..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['<rootDir>/test/{unit,node,sandbox}/**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	setupFilesAfterEnv: ['<rootDir>/test/node/harness/releaseTimersAfterAll.ts', '<rootDir>/test/node/harness/unpacedByDefault.ts'],
	reporters: ['default', '<rootDir>/test/summaryReporter.js'],
	testTimeout: 60000,
};
