/**
 * The one account the sandbox serves: its login, company and user. The login is printed by
 * `npm run sandbox` and used by the tests; it is a demo credential, not a secret.
 */
export interface DemoLogin {
	subdomain: string;
	email: string;
	password: string;
	accessToken: string;
	/** Harvest v2: the account id sent as `Harvest-Account-Id` (or `?account_id=`). */
	accountId: string;
	/** Harvest v2: a personal access token (`Authorization: Bearer`); v1 never accepted these. */
	personalAccessToken: string;
}

export const DEMO_LOGIN: Readonly<DemoLogin> = Object.freeze({
	subdomain: 'demo',
	email: 'demo@example.com',
	password: 'harvest-demo',
	accessToken: 'demo-token',
	accountId: '1234567',
	personalAccessToken: 'demo-personal-token',
});

export const DEMO_COMPANY = Object.freeze({
	name: 'Demo Company',
	baseUri: `https://${DEMO_LOGIN.subdomain}.harvestapp.com`,
	fullDomain: `${DEMO_LOGIN.subdomain}.harvestapp.com`,
	weekStartDay: 'Monday',
	timeFormat: 'decimal',
	clock: '24h',
	colorScheme: 'orange',
	currency: 'United States Dollar - USD',
});

/** The demo user is also the first person of the seeded team (time entries, payments, messages). */
export const DEMO_USER = Object.freeze({
	id: 5_001,
	firstName: 'Demo',
	lastName: 'User',
	email: DEMO_LOGIN.email,
	timezone: 'UTC',
	timezoneIdentifier: 'Etc/UTC',
});

export function demoUserName(): string {
	return `${DEMO_USER.firstName} ${DEMO_USER.lastName}`;
}
