import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { invoiceLocator } from '../../shared/invoiceLocator';

const displayOptions = { show: { resource: ['message'], operation: ['send'] } };

/**
 * The email options of Harvest's send dialog, as toggles with the defaults that dialog starts
 * with; always sent with their value.
 */
const SEND_TOGGLES: INodeProperties[] = [
	{
		displayName: 'Attach PDF',
		name: 'attachPdf',
		type: 'boolean',
		default: true,
		description: 'Whether to attach the invoice to the email as a PDF',
		routing: { send: { type: 'body', property: 'message.attachPdf' } },
	},
	{
		displayName: 'Send Me a Copy',
		name: 'sendMeACopy',
		type: 'boolean',
		default: false,
		description: 'Whether to send a copy of the email to the Harvest user of the credential',
		routing: { send: { type: 'body', property: 'message.sendMeACopy' } },
	},
	{
		displayName: 'Include Payment Link',
		name: 'includePaymentLink',
		type: 'boolean',
		default: true,
		description:
			'Whether to include a link to the client dashboard, where the client can pay online with the payment gateway set up in Harvest. Classic API only: on Harvest API v2 the invoice\'s own payment options decide.',
		routing: { send: { type: 'body', property: 'message.includePaymentLink' } },
	},
];

/**
 * The same setting as it used to be, under Additional Fields, kept so that saved workflows keep
 * what they chose (a collection value whose option is gone is dropped when n8n loads the node).
 * It routes to the same body field after the toggle, so when it is present it wins. Only version 1
 * nodes can hold one, so newer ones do not offer it.
 */
function legacyToggle(toggle: INodeProperties): INodeProperties {
	return {
		...toggle,
		displayOptions: { show: { '@version': [1] } },
		displayName: `${toggle.displayName} (Overrides Toggle)`,
		description: `${toggle.description}. Kept for workflows saved before ${toggle.displayName} was a toggle: when added here it wins over the toggle; remove it to use the toggle.`,
	};
}

/** Subject and text of the email, under Additional Fields. */
const EMAIL_TEXT_FIELDS: INodeProperties[] = [
	{
		displayName: 'Message',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 5 },
		default: '',
		description: 'The text of the email',
		routing: { send: { type: 'body', property: 'message.body' } },
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: '',
		placeholder: 'e.g. Invoice #1024 from Acme',
		description: "The subject of the email; Harvest's default subject when not set",
		routing: { send: { type: 'body', property: 'message.subject' } },
	},
];

// Recipients are checked and joined by validateRecipients before the request; with Send To set
// to the client's contacts, sendToClientContacts fills them in from Harvest first.
const properties: INodeProperties[] = [
	invoiceLocator({}),
	{
		displayName: 'Send To',
		name: 'sendTo',
		type: 'options',
		// Workflows saved before this field existed typed their recipients: keep that the default.
		default: 'emails',
		options: [
			{
				name: "Client's Contacts",
				value: 'clientContacts',
				description: "Every contact with an email address of the invoice's client in Harvest",
			},
			{
				name: 'Email Addresses',
				value: 'emails',
				description: 'The addresses entered in Recipients',
			},
		],
		description: 'Who receives the invoice',
	},
	{
		displayName: 'Recipients',
		name: 'recipients',
		type: 'string',
		required: true,
		displayOptions: { show: { sendTo: ['emails'] } },
		default: '',
		placeholder: 'e.g. ann@example.com, bob@example.com',
		description:
			'Email addresses to send the invoice to, separated by commas. An expression may also return a list of addresses.',
		routing: { send: { type: 'body', property: 'message.recipients' } },
	},
	...SEND_TOGGLES,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...SEND_TOGGLES.map(legacyToggle), ...EMAIL_TEXT_FIELDS].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
];

export const messageSendDescription: INodeProperties[] = updateDisplayOptions(displayOptions, properties);
