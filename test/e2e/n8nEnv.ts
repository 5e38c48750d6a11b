/**
 * The environment of a headless, throwaway n8n: its own user folder and SQLite database, bound to
 * 127.0.0.1 only, nothing phoning home, no onboarding, community packages loaded from
 * `<userFolder>/.n8n/nodes` as after an install from the UI.
 */
import type { N8nRuntime } from './n8nRuntime';

export interface N8nEnvOptions {
	userFolder: string;
	/** n8n creates folders under the OS temp dir (data table uploads); keep them in the user folder. */
	tempDir: string;
	encryptionKey: string;
	/** Every n8n process needs a broker port of its own (the task runner broker binds it). */
	brokerPort: number;
	/** Only for `n8n start`. */
	port?: number;
}

export function n8nEnv(runtime: N8nRuntime, options: N8nEnvOptions): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {
		...runtime.env,
		// Jest sets NODE_ENV=test, which n8n reads as "inside n8n's own unit tests" and refuses to load nodes.
		NODE_ENV: 'production',
		TZ: 'UTC',
		GENERIC_TIMEZONE: 'UTC',
		N8N_USER_FOLDER: options.userFolder,
		TMPDIR: options.tempDir,
		N8N_ENCRYPTION_KEY: options.encryptionKey,
		DB_TYPE: 'sqlite',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		// The auth cookie must travel over plain http to 127.0.0.1.
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(options.brokerPort),
		// No Python venv here; without this n8n logs a failed attempt to start the Python runner.
		N8N_PYTHON_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_PUBLIC_API_DISABLED: 'false',
		N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
	};
	if (options.port !== undefined) env.N8N_PORT = String(options.port);
	return env;
}
