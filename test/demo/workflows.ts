/**
 * The demo's example workflows, built in TypeScript rather than kept as JSON because three things
 * in them are only known when the demo starts: the credential, the sandbox's clients (the form's
 * dropdown) and the name of the data table. Everything else is what an export from the editor
 * holds. Parameters follow the node descriptions in nodes/HarvestInvoicing/ (resource, operation,
 * the `invoiceId` resource locator, Additional Fields) and n8n 2.41.1's built-in nodes.
 *
 * Layout: the trigger at x = 0, one node every 260 px to the right on y = 300, and a sticky note
 * above them saying what the workflow does and how to try it.
 */
import type { CredentialImport, WorkflowImport, WorkflowNode } from '../e2e/n8nInstance';
import { HARVEST_NODE_TYPE, HARVEST_TRIGGER_NODE_TYPE, usesCredential } from '../e2e/fixtures';

/** What the workflows need from the running demo. */
export interface DemoWorkflowContext {
	/**
	 * The credential every Harvest node uses: a Harvest API v2 one, so the expressions below read
	 * v2's record fields (issue_date, due_date, client.name, currency as an ISO code).
	 */
	credential: CredentialImport;
	/** Active clients of the sandbox, offered by the form. */
	clients: Array<{ id: number; name: string }>;
	/** The data table the "paid" workflow writes to (referenced by name, so it may be created later). */
	paidTableName: string;
}

/** Workflow ids are fixed so that the editor URLs stay the same from one run to the next. */
export const DEMO_WORKFLOW_IDS = Object.freeze({
	recordPayment: 'HarvestDemoPaymnt',
	formInvoice: 'HarvestDemoFormInv',
	paidToTable: 'HarvestDemoPaidTbl',
	overdueReminder: 'HarvestDemoRemindr',
});

export const DEMO_WORKFLOW_NAMES = Object.freeze({
	recordPayment: 'Record a payment and read the invoice back',
	formInvoice: 'Create a free-form invoice from a form and send it',
	paidToTable: 'When an invoice is paid, write it to a table',
	overdueReminder: 'Weekly reminder for overdue invoices',
});

/** The last segment of the form's URL: `<editor>/form/<path>` once the workflow is published. */
export const DEMO_FORM_PATH = 'harvest-invoice';

/** The columns of the data table the "paid" workflow fills. */
export const PAID_TABLE_COLUMNS = [
	{ name: 'invoice_id', type: 'number' },
	{ name: 'number', type: 'string' },
	{ name: 'client', type: 'string' },
	{ name: 'currency', type: 'string' },
	{ name: 'amount', type: 'number' },
	{ name: 'issued_at', type: 'date' },
	{ name: 'paid_noticed_at', type: 'date' },
] as const;

/** n8n keeps extra keys on nodes that the e2e fixtures' type does not name. */
type DemoNode = WorkflowNode & { webhookId?: string };

const Y = 300;
const STEP = 260;

export function demoWorkflows(context: DemoWorkflowContext): WorkflowImport[] {
	return [
		recordPaymentWorkflow(context),
		formInvoiceWorkflow(context),
		paidToTableWorkflow(context),
		overdueReminderWorkflow(context),
	];
}

function recordPaymentWorkflow({ credential }: DemoWorkflowContext): WorkflowImport {
	const nodes: DemoNode[] = [
		sticky(
			'Note',
			[
				'## Record a payment and read the invoice back',
				'Click **Execute workflow**: it finds the newest open invoice in the Harvest sandbox, records a payment of',
				'everything still due on it (dated today), then reads the invoice back: its state is now **paid**.',
				'',
				'The published workflow *When an invoice is paid, write it to a table* notices that within a minute.',
			],
			4,
		),
		node('When clicking ‘Execute workflow’', 'n8n-nodes-base.manualTrigger', 1, 0, {}),
		harvest(credential, 'Find an open invoice', 1, {
			resource: 'invoice',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
			filters: { status: 'open' },
		}),
		harvest(credential, 'Record the payment', 2, {
			resource: 'payment',
			operation: 'create',
			invoiceId: invoiceById('={{ $json.id }}'),
			amount: '={{ $json.due_amount }}',
			paidAt: '={{ $today.toISODate() }}',
			additionalFields: { notes: 'Recorded by the n8n demo workflow' },
		}),
		harvest(credential, 'Read the invoice back', 3, {
			resource: 'invoice',
			operation: 'get',
			invoiceId: invoiceById('={{ $json.invoice_id }}'),
		}),
	];
	return workflow(DEMO_WORKFLOW_IDS.recordPayment, DEMO_WORKFLOW_NAMES.recordPayment, nodes);
}

function formInvoiceWorkflow({ credential, clients }: DemoWorkflowContext): WorkflowImport {
	// The form offers names; the client's ID travels in the option's text, where the Create node reads it back.
	const clientOptions = clients.map((client) => ({ option: `${client.name} (#${client.id})` }));
	const nodes: DemoNode[] = [
		sticky(
			'Note',
			[
				'## Create a free-form invoice from a form and send it',
				`Published: open the form at **/form/${DEMO_FORM_PATH}** on this n8n (the demo prints the full URL),`,
				'or click **Execute workflow** to fill in a test form. Each submission creates a draft free-form invoice',
				'with one line item in the Harvest sandbox and emails it, which turns it into an open invoice.',
			],
			3,
		),
		{
			...node('Invoice form', 'n8n-nodes-base.formTrigger', 2.5, 0, {
				formTitle: 'New invoice',
				formDescription: 'Creates a free-form invoice in Harvest and emails it to the address given below.',
				formFields: {
					values: [
						{ fieldLabel: 'Client', fieldName: 'client', fieldType: 'dropdown', fieldOptions: { values: clientOptions }, requiredField: true },
						{
							fieldLabel: 'Send the invoice to',
							fieldName: 'recipient',
							fieldType: 'email',
							placeholder: 'e.g. accounts@acme-rockets.example',
							requiredField: true,
						},
						{
							fieldLabel: 'What was delivered',
							fieldName: 'description',
							fieldType: 'textarea',
							placeholder: 'e.g. Website redesign, phase 1',
							requiredField: true,
						},
						{ fieldLabel: 'Quantity (hours or units)', fieldName: 'quantity', fieldType: 'number', placeholder: 'e.g. 12', requiredField: true },
						{ fieldLabel: 'Unit price', fieldName: 'unit_price', fieldType: 'number', placeholder: 'e.g. 95', requiredField: true },
					],
				},
				responseMode: 'onReceived',
				options: {
					path: DEMO_FORM_PATH,
					buttonLabel: 'Create and send the invoice',
					respondWithOptions: {
						values: {
							respondWith: 'text',
							formSubmittedText: 'Thanks! The invoice is being created in Harvest and emailed to the recipient.',
						},
					},
				},
			}),
			// A fixed webhook id, as the editor gives every form trigger one; the path above names the URL.
			webhookId: '6f1c2a9e-4b7d-4c1e-9a55-3d2f8e0b7c41',
		},
		harvest(credential, 'Create the invoice', 1, {
			resource: 'invoice',
			operation: 'create',
			clientId: '={{ $json.client.match(/\\(#(\\d+)\\)$/)[1] }}',
			kind: 'free_form',
			lineItemsInput: 'editor',
			lineItems: {
				lineItem: [
					{
						kind: 'Service',
						description: '={{ $json.description }}',
						quantity: '={{ $json.quantity }}',
						unitPrice: '={{ $json.unit_price }}',
						taxed: false,
						taxed2: false,
					},
				],
			},
			additionalFields: {
				dueTerms: 'net30',
				subject: "={{ $json.description.split('\\n')[0] }}",
				notes: 'Thank you for your business.',
			},
		}),
		harvest(credential, 'Send it by email', 2, {
			resource: 'message',
			operation: 'send',
			invoiceId: invoiceById('={{ $json.id }}'),
			recipients: "={{ $('Invoice form').item.json.recipient }}",
			attachPdf: true,
			includePaymentLink: true,
			additionalFields: {
				subject: '=Invoice {{ $json.number }} from Demo Company',
				body: '=Hello,\n\nplease find attached invoice {{ $json.number }}, due {{ $json.due_date }}.\n\nThank you!',
			},
		}),
	];
	return workflow(DEMO_WORKFLOW_IDS.formInvoice, DEMO_WORKFLOW_NAMES.formInvoice, nodes);
}

function paidToTableWorkflow({ credential, paidTableName }: DemoWorkflowContext): WorkflowImport {
	const value: Record<string, string> = {
		invoice_id: '={{ $json.id }}',
		number: '={{ $json.number }}',
		client: '={{ $json.client.name }}',
		currency: '={{ $json.currency }}',
		amount: '={{ $json.amount }}',
		issued_at: '={{ $json.issue_date }}',
		paid_noticed_at: '={{ $now.toISO() }}',
	};
	const nodes: DemoNode[] = [
		sticky(
			'Note',
			[
				'## When an invoice is paid, write it to a table',
				'Published: the Harvest Invoicing Trigger polls the sandbox every minute. Each invoice that became',
				`**paid** since the last poll is added as a row to the n8n data table **${paidTableName}**`,
				'(Overview > Data tables). Run *Record a payment and read the invoice back* to see one arrive.',
			],
			2,
		),
		{
			...node('Invoice paid', HARVEST_TRIGGER_NODE_TYPE, 1, 0, {
				pollTimes: { item: [{ mode: 'everyMinute' }] },
				events: ['paid'],
				filters: {},
				options: {},
			}),
			credentials: usesCredential(credential),
		},
		node(`Add to ${paidTableName}`, 'n8n-nodes-base.dataTable', 1.1, 1, {
			resource: 'row',
			operation: 'insert',
			dataTableId: { __rl: true, mode: 'name', value: paidTableName },
			columns: {
				mappingMode: 'defineBelow',
				value,
				matchingColumns: [],
				schema: PAID_TABLE_COLUMNS.map((column) => ({
					id: column.name,
					displayName: column.name,
					required: false,
					defaultMatch: false,
					display: true,
					type: column.type === 'date' ? 'dateTime' : column.type,
					readOnly: false,
					removed: false,
				})),
				attemptToConvertTypes: true,
				convertFieldsToString: false,
			},
			options: {},
		}),
	];
	return workflow(DEMO_WORKFLOW_IDS.paidToTable, DEMO_WORKFLOW_NAMES.paidToTable, nodes);
}

function overdueReminderWorkflow({ credential }: DemoWorkflowContext): WorkflowImport {
	const nodes: DemoNode[] = [
		sticky(
			'Note',
			[
				'## Weekly reminder for overdue invoices',
				'Every Monday at 9:00 (publish it to turn that on, or click **Execute workflow** now): lists the',
				'invoices that are past due and emails a reminder for each to the contacts of its client',
				"in Harvest (**Send To**: *Client's Contacts*).",
			],
			3,
		),
		node('Every Monday at 9:00', 'n8n-nodes-base.scheduleTrigger', 1.3, 0, {
			rule: { interval: [{ field: 'weeks', weeksInterval: 1, triggerAtDay: [1], triggerAtHour: 9, triggerAtMinute: 0 }] },
		}),
		harvest(credential, 'Get past-due invoices', 1, {
			resource: 'invoice',
			operation: 'getAll',
			returnAll: true,
			filters: { status: 'pastdue' },
		}),
		harvest(credential, 'Send a reminder', 2, {
			resource: 'message',
			operation: 'send',
			invoiceId: invoiceById('={{ $json.id }}'),
			sendTo: 'clientContacts',
			attachPdf: true,
			includePaymentLink: true,
			sendMeACopy: true,
			additionalFields: {
				subject: '=Reminder: invoice {{ $json.number }} is past due',
				body:
					'=Hello,\n\nour records show that invoice {{ $json.number }} was due on {{ $json.due_date }} and ' +
					'{{ $json.currency }} {{ $json.due_amount.toFixed(2) }} of it is still open. The invoice is attached; ' +
					'please let us know if it has already been paid.\n\nThank you!',
			},
		}),
	];
	return workflow(DEMO_WORKFLOW_IDS.overdueReminder, DEMO_WORKFLOW_NAMES.overdueReminder, nodes);
}

/** Chains the non-sticky nodes left to right in the order given. */
function workflow(id: string, name: string, nodes: DemoNode[]): WorkflowImport {
	const chain = nodes.filter((entry) => entry.type !== 'n8n-nodes-base.stickyNote');
	const connections: WorkflowImport['connections'] = {};
	for (let index = 0; index + 1 < chain.length; index++) {
		connections[chain[index].name] = { main: [[{ node: chain[index + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, nodes, connections, settings: { executionOrder: 'v1' }, active: false };
}

function node(name: string, type: string, typeVersion: number, column: number, parameters: Record<string, unknown>): DemoNode {
	return { id: nodeId(`${type}:${name}`), name, type, typeVersion, position: [column * STEP, Y], parameters };
}

function harvest(
	credential: CredentialImport,
	name: string,
	column: number,
	parameters: Record<string, unknown>,
): DemoNode {
	return { ...node(name, HARVEST_NODE_TYPE, 1, column, parameters), credentials: usesCredential(credential) };
}

/** The invoice picker (a resource locator) set "By ID", here always from an expression. */
function invoiceById(expression: string): Record<string, unknown> {
	return { __rl: true, mode: 'id', value: expression };
}

/** A sticky note above the nodes, wide enough for `columns` nodes. */
function sticky(name: string, lines: string[], columns: number): DemoNode {
	return {
		...node(name, 'n8n-nodes-base.stickyNote', 1, 0, {
			content: lines.join('\n'),
			height: 160,
			width: Math.max(columns, 3) * STEP - 40,
		}),
		position: [-60, Y - 200],
	};
}

/** Node ids are UUIDs in n8n; derived from the name so that every run imports the same workflow. */
function nodeId(seed: string): string {
	let hash = 0x811c9dc5;
	const bytes: number[] = [];
	for (let round = 0; bytes.length < 16; round++) {
		for (const char of `${round}:${seed}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
		bytes.push(hash & 0xff, (hash >>> 8) & 0xff, (hash >>> 16) & 0xff, (hash >>> 24) & 0xff);
	}
	const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
