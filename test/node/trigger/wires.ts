// The wires live beside every node suite now (../wires.ts); the trigger suites keep importing them from here.
export { V1_JSON, V1_XML, V2, WIRES, type Wire } from '../wires';
