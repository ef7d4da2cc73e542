/** Office's RichApi error codes that the in-memory Excel raises. */
export type FakeErrorCode =
  | "ItemNotFound"
  | "InvalidArgument"
  | "InvalidOperation"
  | "AccessDenied"
  | "ApiNotFound"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "ItemAlreadyExists"
  | "GeneralException"
  | "PropertyNotLoaded"
  | "PivotTableRangeConflict";

const DEFAULT_MESSAGES: Record<FakeErrorCode, string> = {
  ItemNotFound: "The requested resource doesn't exist.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidOperation: "The requested operation is invalid.",
  AccessDenied: "You cannot perform the requested operation.",
  ApiNotFound:
    "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
  RequestPayloadSizeLimitExceeded: "The request payload size has exceeded the limit.",
  ResponsePayloadSizeLimitExceeded: "The response payload size has exceeded the limit.",
  ItemAlreadyExists: "The resource being created already exists.",
  GeneralException: "There was an internal error while processing the request.",
  PropertyNotLoaded: "The property is not available.",
  PivotTableRangeConflict: "The attempted operation causes a conflict with a PivotTable range.",
};

/**
 * Shaped like OfficeExtension.Error (name "RichApi.Error", code, message, debugInfo), so the add-in's
 * error handling sees the same fields it sees in Excel.
 */
export class FakeOfficeError extends Error {
  readonly code: FakeErrorCode;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(code: FakeErrorCode, message?: string, errorLocation?: string) {
    const text = message ?? DEFAULT_MESSAGES[code];
    super(text);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message: text, errorLocation };
  }
}

export function fail(code: FakeErrorCode, location?: string, message?: string): never {
  throw new FakeOfficeError(code, message, location);
}

/** The exact wording Office.js uses when a property is read before load + sync. */
export function propertyNotLoaded(property: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}
