/**
 * An error the API answers with: its status and a message for the `{"message": "..."}` body
 * (`<error><message>...</message></error>` in XML). Anything else thrown by a route is a bug in
 * the sandbox and answers 500.
 */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
		this.name = 'ApiError';
	}
}

export function notFound(what = 'Record'): ApiError {
	return new ApiError(404, `${what} not found`);
}

export function unprocessable(message: string): ApiError {
	return new ApiError(422, message);
}
