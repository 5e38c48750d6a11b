import { SandboxClock } from './clock';
import type { SandboxContext } from './context';
import { handleControlRequest } from './control';
import { DEMO_LOGIN, type DemoLogin } from './demoAccount';
import { v1Dialect } from './dialect';
import { FaultRules, type FaultRule } from './faults';
import { numberFormatFor, type DecimalSymbol } from './numberFormat';
import { DEFAULT_OPTIONS, resolveOptions, type ResolvedOptions, type SandboxOptions } from './options';
import { RequestLog, type LoggedRequest } from './requestLog';
import { RequestHooks, type RequestHook } from './requestHooks';
import { buildHarvestRouter } from './routes';
import { seedStore } from './seedData';
import { SandboxServer } from './server';
import { SandboxStore } from './store';
import { Throttle, type ThrottleSettings } from './throttle';
import { v2Dialect } from './v2/dialect';
import { buildHarvestV2Router } from './v2/routes';

export interface Sandbox {
	/** e.g. http://127.0.0.1:43123 (no trailing slash). */
	url: string;
	/**
	 * The demo login: subdomain 'demo', email 'demo@example.com', password 'harvest-demo', token 'demo-token';
	 * for v2 (`${url}/v2`) account id '1234567' and personal access token 'demo-personal-token'.
	 */
	login: DemoLogin;
	requests(): LoggedRequest[];
	clearRequests(): void;
	/**
	 * Back to the start: data re-seeded, clock, throttle (and its counters), invoices module, faults and log
	 * reset. Options given here win over those given to startSandbox; `port` is ignored (the server keeps running).
	 */
	reset(options?: SandboxOptions): void;
	/** Replaces the data only (clock, faults, log and throttle stay). */
	seed(options?: { seed?: number; invoices?: number }): void;
	advanceClock(ms: number): void;
	setClock(instant: string): void;
	now(): Date;
	setFault(fault: FaultRule): void;
	clearFaults(): void;
	faults(): FaultRule[];
	/** Runs test code while a client walks the API (e.g. change invoices after page 2 was read); cleared by reset. */
	onRequest(hook: RequestHook): void;
	/**
	 * Makes v2 list links (`links.next`...) point at another origin, as a hostile or misconfigured
	 * server might: a client following one would send its token there. Undefined: the sandbox's own. Cleared by reset.
	 */
	setLinkOrigin(origin: string | undefined): void;
	setThrottle(throttle: ThrottleSettings | false): void;
	throttle(): ThrottleSettings | false;
	setInvoicesModule(enabled: boolean): void;
	/** The account's decimal symbol, as who_am_i reports it and csv-line-items are read and written. */
	setDecimalSymbol(symbol: DecimalSymbol): void;
	/** Direct, typed access to the data, for test setup and assertions. */
	store: SandboxStore;
	stop(): Promise<void>;
}

class RunningSandbox implements Sandbox {
	url = '';
	readonly login: DemoLogin = { ...DEMO_LOGIN };
	readonly store = new SandboxStore();
	private readonly clock: SandboxClock;
	private readonly throttleState: Throttle;
	private readonly faultRules = new FaultRules();
	private readonly log = new RequestLog();
	private readonly hooks = new RequestHooks();
	private readonly context: SandboxContext;
	private readonly server: SandboxServer;
	private stopped: Promise<void> | undefined;
	private linkOrigin: string | undefined;

	constructor(private readonly initialOptions: ResolvedOptions) {
		this.clock = new SandboxClock(initialOptions.now);
		this.throttleState = new Throttle(initialOptions.throttle);
		this.context = {
			store: this.store, clock: this.clock, throttle: this.throttleState,
			dataSeed: initialOptions.seed, invoicesModule: initialOptions.invoicesModule,
			numberFormat: numberFormatFor(initialOptions.decimalSymbol),
			v2MaxPerPage: initialOptions.v2MaxPerPage,
		};
		seedStore(this.store, { seed: initialOptions.seed, invoices: initialOptions.invoices, nowMs: this.clock.nowMillis() });
		this.server = new SandboxServer({
			v1: v1Dialect({ router: buildHarvestRouter(), context: this.context, login: this.login }),
			v2: v2Dialect({ router: buildHarvestV2Router(), context: this.context, login: this.login, origin: () => this.linkOrigin ?? this.url }),
			log: this.log,
			faults: this.faultRules,
			throttle: this.throttleState,
			hooks: this.hooks,
			now: () => this.clock.now(),
			control: (request, response, url, body) => handleControlRequest(this, request, response, url, body),
		});
	}

	async listen(port: number): Promise<void> {
		this.url = `http://127.0.0.1:${await this.server.listen(port)}`;
	}

	setLinkOrigin(origin: string | undefined): void {
		this.linkOrigin = origin;
	}

	requests(): LoggedRequest[] {
		return this.log.all();
	}

	clearRequests(): void {
		this.log.clear();
	}

	reset(options: SandboxOptions = {}): void {
		const resolved = resolveOptions(this.initialOptions, options);
		this.clock.set(resolved.now);
		this.throttleState.configure(resolved.throttle);
		this.faultRules.clear();
		this.hooks.clear();
		this.log.clear();
		this.linkOrigin = undefined;
		this.context.invoicesModule = resolved.invoicesModule;
		this.context.numberFormat = numberFormatFor(resolved.decimalSymbol);
		this.context.v2MaxPerPage = resolved.v2MaxPerPage;
		this.reseed(resolved.seed, resolved.invoices);
	}

	seed(options: { seed?: number; invoices?: number } = {}): void {
		const resolved = resolveOptions(this.initialOptions, { seed: options.seed ?? this.context.dataSeed, invoices: options.invoices });
		this.reseed(resolved.seed, resolved.invoices);
	}

	private reseed(seed: number, invoices: number): void {
		this.store.clear();
		this.context.dataSeed = seed;
		seedStore(this.store, { seed, invoices, nowMs: this.clock.nowMillis() });
	}

	advanceClock(ms: number): void {
		this.clock.advance(ms);
	}

	setClock(instant: string): void {
		this.clock.set(instant);
	}

	now(): Date {
		return this.clock.now();
	}

	setFault(fault: FaultRule): void {
		this.faultRules.add(fault);
	}

	clearFaults(): void {
		this.faultRules.clear();
	}

	faults(): FaultRule[] {
		return this.faultRules.list();
	}

	onRequest(hook: RequestHook): void {
		this.hooks.add(hook);
	}

	setThrottle(throttle: ThrottleSettings | false): void {
		this.throttleState.configure(throttle);
	}

	throttle(): ThrottleSettings | false {
		return this.throttleState.current();
	}

	setInvoicesModule(enabled: boolean): void {
		this.context.invoicesModule = enabled;
	}

	setDecimalSymbol(symbol: DecimalSymbol): void {
		this.context.numberFormat = numberFormatFor(resolveOptions(this.initialOptions, { decimalSymbol: symbol }).decimalSymbol);
	}

	stop(): Promise<void> {
		this.stopped ??= this.server.close();
		return this.stopped;
	}
}

/** Starts a sandbox on 127.0.0.1 (port 0 = any free port) with seeded data. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const resolved = resolveOptions(DEFAULT_OPTIONS, options);
	const sandbox = new RunningSandbox(resolved);
	await sandbox.listen(resolved.port);
	return sandbox;
}
