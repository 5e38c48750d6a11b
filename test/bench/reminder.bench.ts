/**
 * The weekly reminder (Invoice > Get Many, status Past Due, then Message > Send) over 200 past-due
 * invoices against the sandbox's real throttle: Harvest's 100 requests per 15 s, and calls made
 * while throttled extend the lockout. Prints wall time against the rate-limit floor (requests /
 * 100 x 15 s), throttled answers and duplicate sends, for Send To "Email Addresses" and
 * "Client's Contacts", on the classic API (JSON; its throttle answers 503) and on v2 (429). Goal:
 * <= 1.1 x floor, 0 throttled, 0 duplicates. Figures, not assertions.
 * The sandbox runs in its own process; duplicates are read back over its v2 API once the throttle is off.
 *
 * About 7 minutes at the real limit. For a quick look, BENCH_WINDOW_SECONDS=1.5 keeps the limit
 * of 100 requests but shortens the window (the figures are then for that window, not Harvest's).
 */
import { setHarvestRateLimit } from '../../nodes/HarvestInvoicing/transport/rateBudget';
import { releaseCoreTimers } from '../node/harness/releaseCoreTimers';
import { operationRunner } from '../node/operationKit';
import { V1_JSON, V2 } from '../node/wires';
import { harvestV2 } from '../sandbox/testing/client';
import { startSandboxProcess, type SandboxProcess } from './sandboxProcess';
import { print } from './stats';

const REMINDERS = 200;
const LIMIT = 100;
const WINDOW_SECONDS = Number(process.env.BENCH_WINDOW_SECONDS ?? 15);
const SUBJECT = 'Reminder';

/** Invoices that got more than one message with the reminder's subject (reset re-seeds, so none had one before). */
async function duplicateSends(sandbox: SandboxProcess, ids: number[]): Promise<number> {
	const api = harvestV2(sandbox);
	let duplicates = 0;
	for (const id of ids) {
		const { invoice_messages: messages } = (await api.get(`/invoices/${id}/messages`)).json() as { invoice_messages: Array<{ subject: string }> };
		if (messages.filter((message) => message.subject === SUBJECT).length > 1) duplicates++;
	}
	return duplicates;
}

test(`reminder over ${REMINDERS} past-due invoices at ${LIMIT} requests per ${WINDOW_SECONDS} s`, async () => {
	const throttle = { limit: LIMIT, windowSeconds: WINDOW_SECONDS };
	const sandbox = await startSandboxProcess({ invoices: 1500 });
	try {
		for (const [wire, sendTo] of [V1_JSON, V2].flatMap((api) => ['emails', 'clientContacts'].map((to) => [api, to] as const))) {
			await sandbox.reset({ invoices: 1500, throttle: false });
			// What a well-behaved node does: pace at Harvest's limit, shared by every request it makes.
			setHarvestRateLimit({ limit: LIMIT, windowMs: WINDOW_SECONDS * 1000 });
			await sandbox.setThrottle(throttle);
			await sandbox.clearRequests();
			const started = process.hrtime.bigint();
			const found = await operationRunner(sandbox, 'invoice', wire)('getAll', {
				returnAll: false,
				limit: REMINDERS,
				filters: { status: 'pastdue' },
			});
			const sent = await operationRunner(sandbox, 'message', wire)(
				'send',
				{ invoiceId: '={{ $json.id }}', sendTo, recipients: 'accounts@example.com', additionalFields: { subject: SUBJECT } },
				{ items: found.map((item) => ({ json: { id: item.json.id } })) },
			);
			const seconds = Number(process.hrtime.bigint() - started) / 1e9;
			const log = await sandbox.requests();
			const floor = (log.length / LIMIT) * WINDOW_SECONDS;
			await sandbox.setThrottle(false);
			const duplicates = await duplicateSends(sandbox, found.map((item) => Number(item.json.id)));
			const readBackErrors = sent.filter((item) => item.json.read_back_error !== undefined).length;
			print(
				[
					`reminder on ${wire.name}, Send To ${sendTo}: ${found.length} invoices, ${sent.length} items sent (${readBackErrors} with read_back_error)`,
					`  requests: ${log.length} (${(log.length / Math.max(1, found.length)).toFixed(2)} per invoice, Get Many included)`,
					`  wall time: ${seconds.toFixed(1)} s; rate-limit floor ${floor.toFixed(1)} s; ratio ${(seconds / floor).toFixed(3)} x floor`,
					`  throttled answers (${wire.throttleStatus}): ${log.filter((request) => request.status === wire.throttleStatus).length}`,
					`  duplicate sends: ${duplicates}`,
				].join('\n'),
			);
		}
	} finally {
		setHarvestRateLimit(false);
		await sandbox.stop();
		releaseCoreTimers();
	}
});
