/** JSON both ways: v2 speaks nothing else. */
export const V2_WIRE_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json' };
