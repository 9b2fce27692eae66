package errcode

// Code is an Acme API error code.
type Code int

const (
	// OK means the call succeeded.
	OK Code = 0
	// InvalidArgument: a request field is malformed.
	InvalidArgument Code = 40001
	NotFound Code = 40401 // The resource does not exist.

	/* Internal is a bug on our side;
	   retry later. */
	Internal Code = 50001
)
