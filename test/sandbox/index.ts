/**
 * The Harvest invoicing sandbox: a local server that behaves like Harvest's classic (v1) invoicing API
 * (see ../../../shared/seeds and HARVEST_API.md) and, under `/v2/`, like Harvest API v2 over the same
 * data (HARVEST_API_V2.md), for tests and for the demo (`npm run sandbox`).
 *
 *   const sandbox = await startSandbox({ throttle: false });
 *   await fetch(`${sandbox.url}/invoices`, { headers: { Accept: 'application/json', Authorization: 'Bearer demo-token' } });
 *   await sandbox.stop();
 */
export { startSandbox, type Sandbox } from './sandbox';
export type { SandboxOptions } from './options';
export type { LoggedRequest } from './requestLog';
export { FAULT_KINDS, type FaultKind, type FaultRule } from './faults';
export type { HookedRequest, RequestHook } from './requestHooks';
export type { ThrottleSettings } from './throttle';
export { HARVEST_THROTTLE } from './throttle';
export { DEMO_LOGIN, type DemoLogin } from './demoAccount';
export { DEFAULT_NOW } from './clock';
export { PAGE_SIZE } from './invoiceQuery';
export type {
	SandboxStore, Invoice, InvoiceState, InvoiceKind, LineItem, Payment, InvoiceMessage, ItemCategory, Client, Contact, Project,
	Task, Person, TimeEntry, ExpenseEntry,
} from './store';
