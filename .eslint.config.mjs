// ESLint flat config, kept as a dotfile so the repository's top level stays as designed;
// `npm run lint` passes it with --config. The same rule sets n8n's package scanner applies.
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import tsParser from '@typescript-eslint/parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/**', '.ci/**', '*.js', '.*.mjs'] },
	n8nCommunityNodesPlugin.configs.recommended,
	{ plugins: { 'n8n-nodes-base': n8nNodesBase } },
	{ files: ['**/*.ts', '**/*.json'], languageOptions: { parser: tsParser } },
	{ files: ['package.json'], rules: { ...n8nNodesBase.configs.community.rules } },
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// n8n's scanner switches these two off for community packages: the documentation URL of a
			// community credential is the package's own page, and the community-nodes
			// `credential-password-field` rule checks password fields more accurately.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// Also off in n8n's scanner: inputs/outputs use the NodeConnectionTypes enum, not "main".
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
];
